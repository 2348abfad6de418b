// Process-level memory figures: only a Node worker can give them; a browser page passes none.

export interface MemoryProbe {
  /** JS heap + array buffers + external memory in use, after a garbage collection when one can be forced. */
  heapBytes(): number;
  /** Resident-set high-water of the process so far. */
  maxRssBytes(): number;
}
