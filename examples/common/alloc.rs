//! A global allocator that counts live and peak heap bytes, for the examples
//! that report memory. Include with `#[path = "common/alloc.rs"] mod alloc;`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Counts live and peak heap bytes; forwards everything to the system allocator.
pub struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static ON: AtomicBool = AtomicBool::new(true);

/// Counts a block of `grown` bytes that replaced one of `freed` bytes (0 for
/// a new block), if `p` is one and counting is on; returns `p`.
fn counted(p: *mut u8, grown: usize, freed: usize) -> *mut u8 {
    if !p.is_null() && ON.load(Ordering::Relaxed) {
        let live = LIVE.fetch_add(grown, Ordering::Relaxed) + grown;
        LIVE.fetch_sub(freed, Ordering::Relaxed);
        PEAK.fetch_max(live, Ordering::Relaxed);
    }
    p
}

// SAFETY: forwards every call to the system allocator unchanged; only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: same contract as the caller's.
        counted(unsafe { System.alloc(layout) }, layout.size(), 0)
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: same contract as the caller's.
        counted(unsafe { System.alloc_zeroed(layout) }, layout.size(), 0)
    }
    // Forwarded rather than left to the trait's default (allocate, copy,
    // free): the system allocator grows large blocks in place, and a growing
    // vector of evidence must cost here what it costs without this wrapper.
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: same contract as the caller's.
        counted(
            unsafe { System.realloc(ptr, layout, new_size) },
            new_size,
            layout.size(),
        )
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) };
        if ON.load(Ordering::Relaxed) {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        }
    }
}

/// Live heap bytes now.
pub fn live() -> usize {
    LIVE.load(Ordering::Relaxed)
}

/// Starts a new peak measurement; returns the live bytes to subtract.
pub fn reset_peak() -> usize {
    let now = live();
    PEAK.store(now, Ordering::Relaxed);
    now
}

/// The peak live bytes since [`reset_peak`].
pub fn peak() -> usize {
    PEAK.load(Ordering::Relaxed)
}

/// Stops counting for good, so that timings after it pay nothing for the
/// counts (which are not to be read afterwards).
#[allow(dead_code)] // the hostile-input example counts throughout
pub fn stop() {
    ON.store(false, Ordering::Relaxed);
}
