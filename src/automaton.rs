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
//! power of two, so a step is one look-up. States are numbered breadth first,
//! so the rows near the root, which every walk reads, lie together; and with
//! fewer than 65,536 states (the built-in lexicons have about 39,000) a
//! transition takes two bytes, so a row of 32 classes fills one cache line.

use std::fmt;

/// The root: the state of a walk before its first byte.
const ROOT: usize = 0;

/// The state no pattern continues from; all its transitions lead back to it.
const DEAD: usize = 1;

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
        // The trie in insertion order: `trie[(state << shift) | class]` is the
        // next state, or 0 (the root, which no transition enters) for none;
        // `ends[state]` is 1 + the pattern, or 0.
        let mut trie: Vec<u32> = vec![0; row];
        let mut ends: Vec<u32> = vec![0];
        for (k, p) in patterns.iter().enumerate() {
            let p = p.as_ref().as_bytes();
            if p.is_empty() {
                continue;
            }
            let mut state = 0usize;
            for &b in p {
                let slot = (state << shift) | usize::from(classes[usize::from(b)]);
                state = match trie[slot] as usize {
                    0 => {
                        let new = ends.len();
                        // One more state for the dead one.
                        if (new + 2)
                            .checked_mul(row)
                            .is_none_or(|n| n > u32::MAX as usize)
                        {
                            return Err(TooLarge);
                        }
                        trie.resize((new + 1) * row, 0);
                        ends.push(0);
                        trie[slot] = new as u32;
                        new
                    }
                    next => next,
                };
            }
            if ends[state] == 0 {
                ends[state] = u32::try_from(k + 1).map_err(|_| TooLarge)?;
            }
        }
        let Renumbered {
            table,
            ends,
            first_accepting,
        } = renumber(&trie, &ends, shift);
        let table = if first_accepting + ends.len() <= usize::from(u16::MAX) + 1 {
            Table::Narrow(table.iter().map(|&t| t as u16).collect())
        } else {
            Table::Wide(table)
        };
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
            let class = usize::from(self.classes[usize::from(b)]);
            state = table
                .get((state << self.shift) | class)
                .map_or(DEAD, |&t| t.into() as usize);
            if state == DEAD {
                break;
            }
            if state >= self.first_accepting {
                found = Some((i + 1, state));
            }
        }
        found
    }

    /// For each position in `starts` (ascending or not), the longest pattern
    /// that starts there, as `(length, pattern)`, with length 0 for none;
    /// written to `out` (as long as `starts`) in the order of `starts`.
    ///
    /// The walks are interleaved [`LANES`] at a time: their look-ups do not
    /// depend on each other, so the processor overlaps their cache misses.
    pub(crate) fn longest_at_each(&self, hay: &[u8], starts: &[usize], out: &mut [(u32, u32)]) {
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
        out: &mut [(u32, u32)],
    ) {
        let shift = self.shift;
        let first_accepting = self.first_accepting;
        for (group, out) in starts.chunks(LANES).zip(out.chunks_mut(LANES)) {
            let mut state = [DEAD; LANES];
            let mut at = [usize::MAX; LANES];
            for (l, &start) in group.iter().enumerate() {
                state[l] = ROOT;
                at[l] = start;
            }
            // Per lane, the length of the longest pattern found so far in
            // the high half and the state where it ends in the low half.
            let mut best = [0u64; LANES];
            let mut len = 0u64;
            loop {
                len += 1 << 32;
                let mut live = false;
                for l in 0..LANES {
                    let class = hay
                        .get(at[l])
                        .map_or(0, |&b| usize::from(self.classes[usize::from(b)]));
                    at[l] = at[l].wrapping_add(1);
                    let next = table
                        .get((state[l] << shift) | class)
                        .map_or(DEAD, |&t| t.into() as usize);
                    state[l] = next;
                    if next >= first_accepting {
                        best[l] = len | next as u64;
                    }
                    live |= next != DEAD;
                }
                if !live {
                    break;
                }
            }
            for (o, &b) in out.iter_mut().zip(&best) {
                *o = match b >> 32 {
                    0 => (0, 0),
                    len => (len as u32, self.pattern_at(b as u32 as usize) as u32),
                };
            }
        }
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

/// The automaton's table after [`renumber`].
struct Renumbered {
    table: Vec<u32>,
    ends: Vec<u32>,
    first_accepting: usize,
}

/// Renumbers the states of `trie` (insertion order, 0 for no transition;
/// `ends` holding 1 + the pattern, or 0): the root stays 0, the dead state
/// becomes 1, then come the states where no pattern ends and then those
/// where one does, each breadth first. No transition is left pointing to the
/// root; those that led nowhere lead to [`DEAD`].
fn renumber(trie: &[u32], ends: &[u32], shift: u32) -> Renumbered {
    let row = 1usize << shift;
    // The old states breadth first.
    let mut order: Vec<u32> = Vec::with_capacity(ends.len());
    order.push(ROOT as u32);
    let mut k = 0;
    while let Some(&old) = order.get(k) {
        let old = old as usize;
        order.extend(
            trie[old << shift..(old + 1) << shift]
                .iter()
                .filter(|&&next| next != 0),
        );
        k += 1;
    }
    let accepting = |old: u32| ends[old as usize] != 0;
    let first_accepting = 2 + order.iter().filter(|&&old| !accepting(old)).count() - 1;
    // `new_of[old]` is the new number; old 0 stands for "no transition" in
    // `trie`, so it maps to the dead state (the root is handled apart).
    let mut new_of: Vec<u32> = vec![DEAD as u32; ends.len()];
    let mut plain = 2u32;
    let mut ending = first_accepting as u32;
    for &old in &order[1..] {
        let counter = if accepting(old) {
            &mut ending
        } else {
            &mut plain
        };
        new_of[old as usize] = *counter;
        *counter += 1;
    }
    // New number order: root, dead, plain states, accepting states.
    let mut by_new: Vec<Option<u32>> = vec![None; order.len() + 1];
    by_new[ROOT] = Some(ROOT as u32);
    for &old in &order[1..] {
        by_new[new_of[old as usize] as usize] = Some(old);
    }
    let mut table = Vec::with_capacity(by_new.len() * row);
    for old in &by_new {
        match old {
            Some(old) => {
                let old = *old as usize;
                table.extend(
                    trie[old << shift..(old + 1) << shift]
                        .iter()
                        .map(|&next| new_of[next as usize]),
                );
            }
            None => table.extend(std::iter::repeat_n(DEAD as u32, row)),
        }
    }
    let ends = by_new[first_accepting..]
        .iter()
        .map(|old| old.map_or(0, |old| ends[old as usize].saturating_sub(1)))
        .collect();
    Renumbered {
        table,
        ends,
        first_accepting,
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
        fn interleaved_walks_agree_with_single_walks(
            patterns in proptest::collection::vec("[ab ]{1,6}", 0..12),
            hay in "[abc ]{0,40}",
        ) {
            let a = Automaton::new(&patterns).unwrap();
            let hay = hay.as_bytes();
            let starts: Vec<usize> = (0..=hay.len() + 1).rev().collect();
            let mut each = vec![(7, 7); starts.len()];
            a.longest_at_each(hay, &starts, &mut each);
            for (&start, &(len, pattern)) in starts.iter().zip(&each) {
                let single = a.longest_at(hay, start, hay.len());
                let expected = single.map(|(end, p)| ((end - start) as u32, p as u32));
                proptest::prop_assert_eq!((len > 0).then_some((len, pattern)), expected);
            }
        }
    }
}
