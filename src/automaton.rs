//! The automaton: a byte trie of the patterns, stored as a dense transition
//! table and walked from one position at a time (an *anchored* search).
//!
//! The matcher only accepts matches that start where a word may start, so it
//! never needs the failure links of an unanchored Aho-Corasick automaton: it
//! walks the trie from each candidate start until no pattern continues. That
//! makes the automaton quick to build (one pass over the patterns' bytes).
//!
//! Bytes are mapped to classes first: each byte that occurs in a pattern gets
//! its own class, every other byte class 0, whose transitions all lead to the
//! dead state. A state's row holds one transition per class, rounded up to a
//! power of two, so a step is one look-up. After the dead state (0) and the
//! root (1), the states where no pattern ends come first, then those where
//! one does, so a comparison tells which; each kind is numbered breadth
//! first, so the rows near the root, which every walk reads, lie together.
//! With fewer than 65,536 states (the built-in lexicons have about 39,000) a
//! transition takes two bytes, so a row of 32 classes fills one cache line.

use std::fmt;

/// The state no pattern continues from; all its transitions lead back to it.
/// Zero, so that a new table starts out all dead.
const DEAD: usize = 0;

/// The root: the state of a walk before its first byte.
const ROOT: usize = 1;

/// A pattern found by [`Automaton::longest_at_each`]: `(start, length, pattern)`.
pub(crate) type Found = (usize, u32, u32);

/// How many walks [`Automaton::longest_at_each`] interleaves.
const LANES: usize = 4;

/// A trie of byte strings with dense transitions.
#[derive(Clone)]
pub(crate) struct Automaton {
    /// The class of each byte; 0 for bytes that occur in no pattern.
    classes: [u8; 256],
    /// log2 of the row length.
    shift: u32,
    /// `table[(state << shift) | class]` is the next state, or [`DEAD`].
    table: Table,
    /// The states from this one on end a pattern; the others do not.
    first_accepting: usize,
    /// The pattern that ends at each state from `first_accepting` on.
    ends: Vec<u32>,
    /// Whether a pattern starts with the byte.
    starts: [bool; 256],
    /// Whether only ASCII letters and digits begin patterns.
    starts_alphanumeric: bool,
}

/// The transitions, in the narrowest integer that numbers every state.
#[derive(Clone)]
enum Table {
    Narrow(Vec<u16>),
    Wide(Vec<u32>),
}

impl Table {
    fn len(&self) -> usize {
        match self {
            Table::Narrow(t) => t.len(),
            Table::Wide(t) => t.len(),
        }
    }
}

impl fmt::Debug for Automaton {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Automaton")
            .field("states", &(self.table.len() >> self.shift))
            .field("row", &(1usize << self.shift))
            .finish()
    }
}

/// The automaton would need more than `u32::MAX` transitions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TooLarge;

impl Automaton {
    /// Builds the trie of `patterns`; pattern `k` is reported as `k`. When a
    /// string occurs twice, the first one counts. Empty patterns never match.
    pub(crate) fn new<S: AsRef<str>>(patterns: &[S]) -> Result<Automaton, TooLarge> {
        let mut classes = [0u8; 256];
        let mut starts = [false; 256];
        let mut used = [false; 256];
        for p in patterns {
            let p = p.as_ref().as_bytes();
            for &b in p {
                used[usize::from(b)] = true;
            }
            if let Some(&first) = p.first() {
                starts[usize::from(first)] = true;
            }
        }
        // UTF-8 text never holds the bytes 0xC0, 0xC1 and 0xF5..=0xFF, so at
        // most 243 bytes are used and every class fits a `u8`.
        let mut next_class = 1usize;
        for b in 0..256 {
            if used[b] {
                classes[b] = u8::try_from(next_class).map_err(|_| TooLarge)?;
                next_class += 1;
            }
        }
        let row = next_class.next_power_of_two();
        let shift = row.trailing_zeros();
        let trie = Trie::build(patterns, &classes)?;
        let states = trie.nodes.len() + 1;
        if states
            .checked_mul(row)
            .is_none_or(|n| n > u32::MAX as usize)
        {
            return Err(TooLarge);
        }
        let Numbering {
            new_of,
            order,
            first_accepting,
        } = trie.numbering();
        let table = if states <= usize::from(u16::MAX) + 1 {
            Table::Narrow(trie.table(&new_of, &order, shift, |n| n as u16))
        } else {
            Table::Wide(trie.table(&new_of, &order, shift, |n| n))
        };
        let ends = order[first_accepting - 1..]
            .iter()
            .map(|&old| trie.nodes[old as usize].end.saturating_sub(1))
            .collect();
        Ok(Automaton {
            classes,
            shift,
            table,
            first_accepting,
            ends,
            starts_alphanumeric: (0..=255u8)
                .all(|b| !starts[usize::from(b)] || b.is_ascii_alphanumeric()),
            starts,
        })
    }

    /// Which bytes begin patterns.
    pub(crate) fn first_bytes(&self) -> &[bool; 256] {
        &self.starts
    }

    /// Whether only ASCII letters and digits begin patterns.
    pub(crate) fn starts_alphanumeric(&self) -> bool {
        self.starts_alphanumeric
    }

    /// The longest pattern that starts at `start` of `hay` and ends at or
    /// before `limit`: `(its end, the pattern)`.
    pub(crate) fn longest_at(
        &self,
        hay: &[u8],
        start: usize,
        limit: usize,
    ) -> Option<(usize, usize)> {
        let hay = hay.get(start..limit.min(hay.len()))?;
        let (len, state) = match &self.table {
            Table::Narrow(t) => self.walk(t, hay),
            Table::Wide(t) => self.walk(t, hay),
        }?;
        Some((start + len, self.pattern_at(state)))
    }

    /// Walks `hay` from the root: the length of the longest pattern that
    /// starts it, and the state where that pattern ends.
    fn walk<T: Copy + Into<u32>>(&self, table: &[T], hay: &[u8]) -> Option<(usize, usize)> {
        let mut state = ROOT;
        let mut found = None;
        for (i, &b) in hay.iter().enumerate() {
            state = self.step(table, state, usize::from(self.classes[usize::from(b)]));
            if state == DEAD {
                break;
            }
            if state >= self.first_accepting {
                found = Some((i + 1, state));
            }
        }
        found
    }

    /// For each position in `starts` (ascending or not) where a pattern
    /// starts, the longest such pattern, appended to `out` as `(start,
    /// length, pattern)`, in the order of `starts`.
    ///
    /// The walks are interleaved [`LANES`] at a time: their look-ups do not
    /// depend on each other, so the processor overlaps their cache misses.
    pub(crate) fn longest_at_each(&self, hay: &[u8], starts: &[usize], out: &mut Vec<Found>) {
        match &self.table {
            Table::Narrow(t) => self.walk_lanes(t, hay, starts, out),
            Table::Wide(t) => self.walk_lanes(t, hay, starts, out),
        }
    }

    fn walk_lanes<T: Copy + Into<u32>>(
        &self,
        table: &[T],
        hay: &[u8],
        starts: &[usize],
        out: &mut Vec<Found>,
    ) {
        let first_accepting = self.first_accepting;
        for group in starts.chunks(LANES) {
            let mut state = [DEAD; LANES];
            // Lane `l` reads byte `base[l] + step`.
            let mut base = [usize::MAX; LANES];
            for (l, &start) in group.iter().enumerate() {
                state[l] = ROOT;
                base[l] = start;
            }
            // Per lane, the length of the longest pattern found so far in
            // the high half and the state where it ends in the low half.
            let mut best = [0u64; LANES];
            let mut len = 0u64;
            let mut step = 0usize;
            loop {
                len += 1 << 32;
                for l in 0..LANES {
                    let class = hay
                        .get(base[l].wrapping_add(step))
                        .map_or(0, |&b| usize::from(self.classes[usize::from(b)]));
                    let next = self.step(table, state[l], class);
                    state[l] = next;
                    if next >= first_accepting {
                        best[l] = len | next as u64;
                    }
                }
                step += 1;
                // DEAD is 0: all lanes are dead when no bit is set.
                if state.iter().fold(0, |any, &s| any | s) == DEAD {
                    break;
                }
            }
            for (&start, &b) in group.iter().zip(&best) {
                if b >> 32 != 0 {
                    let pattern = self.pattern_at(b as u32 as usize) as u32;
                    out.push((start, (b >> 32) as u32, pattern));
                }
            }
        }
    }

    /// The state after `state` on a byte of class `class`.
    #[inline(always)]
    fn step<T: Copy + Into<u32>>(&self, table: &[T], state: usize, class: usize) -> usize {
        table
            .get((state << self.shift) | class)
            .map_or(DEAD, |&t| t.into() as usize)
    }

    /// The pattern that ends at `state`, an accepting state.
    fn pattern_at(&self, state: usize) -> usize {
        let k = state.wrapping_sub(self.first_accepting);
        self.ends.get(k).map_or(0, |&p| p as usize)
    }

    /// Heap bytes held.
    pub(crate) fn memory_usage(&self) -> usize {
        let table = match &self.table {
            Table::Narrow(t) => t.capacity() * 2,
            Table::Wide(t) => t.capacity() * 4,
        };
        table + self.ends.capacity() * 4
    }

    /// How many states the trie has (the root and the dead state included).
    #[cfg(test)]
    fn state_count(&self) -> usize {
        self.table.len() >> self.shift
    }

    /// Whether the transitions take four bytes each.
    #[cfg(test)]
    fn is_wide(&self) -> bool {
        matches!(self.table, Table::Wide(_))
    }
}

/// The trie while building: nodes with their first child and next sibling.
struct Trie {
    /// Node 0 is the root.
    nodes: Vec<Node>,
}

#[derive(Clone, Copy)]
struct Node {
    /// The class of the byte that leads here.
    class: u8,
    /// 1 + the pattern that ends here, or 0.
    end: u32,
    /// The first child, or 0 for none (the root is nobody's child).
    child: u32,
    /// The next child of the same parent, or 0.
    sibling: u32,
}

/// The final state numbers of a [`Trie`]'s nodes (see [`Trie::numbering`]).
struct Numbering {
    /// The state number of each node.
    new_of: Vec<u32>,
    /// The nodes in state-number order (state `k` is node `order[k - 1]`:
    /// the dead state has no node).
    order: Vec<u32>,
    first_accepting: usize,
}

impl Trie {
    fn build<S: AsRef<str>>(patterns: &[S], classes: &[u8; 256]) -> Result<Trie, TooLarge> {
        let leaf = |class| Node {
            class,
            end: 0,
            child: 0,
            sibling: 0,
        };
        let mut nodes = vec![leaf(0)];
        for (k, p) in patterns.iter().enumerate() {
            let p = p.as_ref().as_bytes();
            if p.is_empty() {
                continue;
            }
            let mut node = 0usize;
            for &b in p {
                let class = classes[usize::from(b)];
                let mut child = nodes[node].child as usize;
                while child != 0 && nodes[child].class != class {
                    child = nodes[child].sibling as usize;
                }
                if child == 0 {
                    child = nodes.len();
                    let id = u32::try_from(child).map_err(|_| TooLarge)?;
                    nodes.push(Node {
                        sibling: nodes[node].child,
                        ..leaf(class)
                    });
                    nodes[node].child = id;
                }
                node = child;
            }
            if nodes[node].end == 0 {
                nodes[node].end = u32::try_from(k + 1).map_err(|_| TooLarge)?;
            }
        }
        Ok(Trie { nodes })
    }

    /// State numbers: the dead state is 0, the root 1, then come the nodes
    /// where no pattern ends and then those where one does, each breadth
    /// first.
    fn numbering(&self) -> Numbering {
        let mut bfs: Vec<u32> = Vec::with_capacity(self.nodes.len());
        bfs.push(0);
        let mut k = 0;
        while let Some(&node) = bfs.get(k) {
            let mut child = self.nodes[node as usize].child;
            while child != 0 {
                bfs.push(child);
                child = self.nodes[child as usize].sibling;
            }
            k += 1;
        }
        let accepting = |node: u32| self.nodes[node as usize].end != 0;
        let order: Vec<u32> = bfs
            .iter()
            .copied()
            .filter(|&n| !accepting(n))
            .chain(bfs.iter().copied().filter(|&n| accepting(n)))
            .collect();
        let first_accepting = 1 + bfs.iter().filter(|&&n| !accepting(n)).count();
        let mut new_of = vec![0u32; self.nodes.len()];
        for (k, &node) in order.iter().enumerate() {
            new_of[node as usize] = (k + 1) as u32;
        }
        Numbering {
            new_of,
            order,
            first_accepting,
        }
    }

    /// The dense transition table in the new numbering.
    fn table<T: Copy + Default>(
        &self,
        new_of: &[u32],
        order: &[u32],
        shift: u32,
        narrow: impl Fn(u32) -> T,
    ) -> Vec<T> {
        // All dead (zero) to begin with.
        let mut table = vec![T::default(); (order.len() + 1) << shift];
        for (k, &node) in order.iter().enumerate() {
            let row = (k + 1) << shift;
            let mut child = self.nodes[node as usize].child as usize;
            while child != 0 {
                let c = &self.nodes[child];
                table[row | usize::from(c.class)] = narrow(new_of[child]);
                child = c.sibling as usize;
            }
        }
        table
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_longest_pattern_at_a_start() {
        let a = Automaton::new(&["big", "big picture", "plan", "plans"]).unwrap();
        let hay = b"the big picture plans";
        assert_eq!(a.longest_at(hay, 4, hay.len()), Some((15, 1)));
        assert_eq!(a.longest_at(hay, 4, 14), Some((7, 0)));
        assert_eq!(a.longest_at(hay, 4, 6), None);
        assert_eq!(a.longest_at(hay, 16, hay.len()), Some((21, 3)));
        assert_eq!(a.longest_at(hay, 0, hay.len()), None);
        assert_eq!(a.longest_at(hay, 5, hay.len()), None);
        assert_eq!(a.longest_at(hay, hay.len(), hay.len()), None);
        assert_eq!(a.longest_at(hay, hay.len() + 3, hay.len()), None);
    }

    #[test]
    fn bytes_outside_the_patterns_end_a_walk() {
        let a = Automaton::new(&["ab", "a\u{e9}b"]).unwrap();
        assert_eq!(a.longest_at("a\u{e9}b".as_bytes(), 0, 9), Some((4, 1)));
        assert_eq!(a.longest_at(b"axb", 0, 3), None);
        assert!(a.first_bytes()[usize::from(b'a')]);
        assert!(!a.first_bytes()[usize::from(b'b')]);
        assert!(a.starts_alphanumeric());
    }

    #[test]
    fn duplicates_report_the_first_and_empty_patterns_never_match() {
        let a = Automaton::new(&["", "go", "go"]).unwrap();
        assert_eq!(a.longest_at(b"go", 0, 2), Some((2, 1)));
        assert_eq!(a.state_count(), 4); // the root, the dead state, g, go
        assert!(!a.is_wide());
        let none = Automaton::new::<&str>(&[]).unwrap();
        assert_eq!(none.longest_at(b"go", 0, 2), None);
    }

    #[test]
    fn all_the_bytes_of_utf8_text_get_classes() {
        let all: Vec<String> = (0..0x800u32)
            .chain((0..16).map(|k| 0x1000 * k + 0xA00)) // lead bytes 0xE0..=0xEF
            .chain((0..5).map(|k| 0x40000 * k + 0x10000)) // lead bytes 0xF0..=0xF4
            .filter_map(char::from_u32)
            .map(|c| c.to_string())
            .collect();
        let a = Automaton::new(&all).unwrap();
        for (k, p) in all.iter().enumerate() {
            assert_eq!(a.longest_at(p.as_bytes(), 0, p.len()), Some((p.len(), k)));
        }
    }

    #[test]
    fn more_than_65536_states_take_wide_transitions() {
        let many: Vec<String> = (0..40_000u32).map(|k| format!("w{k:05}x")).collect();
        let a = Automaton::new(&many).unwrap();
        assert!(a.is_wide());
        for k in [0usize, 1, 12_345, 39_999] {
            let p = many[k].as_bytes();
            assert_eq!(a.longest_at(p, 0, p.len()), Some((p.len(), k)));
        }
        assert_eq!(a.longest_at(b"w00001", 0, 6), None);
    }

    proptest::proptest! {
        #[test]
        fn interleaved_walks_find_the_longest_pattern_at_each_start(
            patterns in proptest::collection::vec("[ab ]{1,6}|[ab]{7,10}", 0..12),
            hay in "[abc ]{0,40}|[ab]{6,12}( [ab]{1,3})?",
        ) {
            let a = Automaton::new(&patterns).unwrap();
            let hay = hay.as_bytes();
            let starts: Vec<usize> = (0..=hay.len() + 1).rev().collect();
            let mut found = Vec::new();
            a.longest_at_each(hay, &starts, &mut found);
            let mut expected = Vec::new();
            for &start in &starts {
                // The longest pattern that starts there, the first of equals.
                let rest = hay.get(start..).unwrap_or_default();
                let naive = patterns
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| !p.is_empty() && rest.starts_with(p.as_bytes()))
                    .max_by_key(|(k, p)| (p.len(), std::cmp::Reverse(*k)))
                    .map(|(k, p)| (start + p.len(), k));
                proptest::prop_assert_eq!(a.longest_at(hay, start, hay.len()), naive);
                if let Some((end, k)) = naive {
                    expected.push((start, (end - start) as u32, k as u32));
                }
            }
            proptest::prop_assert_eq!(found, expected);
        }
    }
}
