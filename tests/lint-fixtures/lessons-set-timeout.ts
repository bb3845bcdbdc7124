// @lint-as: src/lessons/__fixture__.ts
// @expect: no-restricted-globals
export const later = (f: () => void): void => {
  setTimeout(f, 10);
};
