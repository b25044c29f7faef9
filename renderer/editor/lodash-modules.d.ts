// The real lodash modules (no @types/lodash here): the same contract as ours, for the test that compares them.
declare module 'lodash/debounce' {
  const debounce: typeof import('./lodash-debounce').default;
  export default debounce;
}
declare module 'lodash/throttle' {
  const throttle: typeof import('./lodash-throttle').default;
  export default throttle;
}
