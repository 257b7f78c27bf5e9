// typescript-eslint's strict and stylistic type-checked sets over every file the type check covers.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/artifacts/**', 'bench/out/**', 'oclif.manifest.json'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Numbers and booleans print unambiguously in messages; objects and undefined still may not.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // noUncheckedIndexedAccess types every index read as T | undefined; `!` after a bounds check or a
      // Map.has is the honest spelling, and the alternative (a throw per read) hides nothing more.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Tag keys and JSON columns are data: `tags['Name']` says so where `tags.Name` reads as a property.
      '@typescript-eslint/dot-notation': ['error', { allowIndexSignaturePropertyAccess: true }],
      // `const { family: _, ...rest } = x` is the spelling of "x without family"; the named key is unused by design.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  // Plain JS (bins, this file, build scripts) is outside the TypeScript program: lint it untyped.
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly' },
    },
  },
);
