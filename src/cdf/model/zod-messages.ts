/**
 * zod's English messages ("Invalid input: expected string, received number"), which users read in
 * API response validation errors and in update-item reasons. `zod/mini` ships without a locale to stay
 * small; the full `zod` package sets this one on load, so every module of the model imports this file
 * to keep the messages when only `zod/mini` is bundled.
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());
