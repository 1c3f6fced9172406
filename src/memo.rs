//! Answers remembered per thread: a firm's screen asks the same questions of the register (is "Lancs CC" a
//! council? in which nation is "Leeds"?) on row after row, and one check asks them for each period and flag.
//!
//! Each memory is an ordered map, not a hash map, so that nothing reads a source of randomness to seed a hasher
//! (the core reads no clock, no file and no randomness). It holds at most [`REMEMBERED`] answers and is emptied
//! when full: a million rows of different names cannot make it grow.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::thread::LocalKey;

/// A thread's memory of answers, by the text asked about.
pub(crate) type Memory<V> = RefCell<BTreeMap<Box<str>, V>>;

/// The most answers remembered per thread before the memory is emptied and filled again.
pub(crate) const REMEMBERED: usize = 4096;

/// `work(key)`, remembered in `memory`: an answer that depends only on the key and the compiled-in data.
pub(crate) fn remembered<V: Clone>(
    memory: &'static LocalKey<Memory<V>>,
    key: &str,
    work: impl FnOnce(&str) -> V,
) -> V {
    if let Some(hit) = memory.with_borrow(|m| m.get(key).cloned()) {
        return hit;
    }
    let answer = work(key);
    memory.with_borrow_mut(|m| {
        if m.len() >= REMEMBERED {
            m.clear();
        }
        m.insert(key.into(), answer.clone());
    });
    answer
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        static LENGTHS: Memory<usize> = const { RefCell::new(BTreeMap::new()) };
    }

    #[test]
    fn an_answer_is_worked_out_once_and_the_memory_stays_small() {
        let mut worked = 0;
        for _ in 0..3 {
            assert_eq!(
                remembered(&LENGTHS, "Leeds", |k| {
                    worked += 1;
                    k.len()
                }),
                5
            );
        }
        assert_eq!(worked, 1);
        for n in 0..REMEMBERED + 10 {
            remembered(&LENGTHS, &n.to_string(), str::len);
        }
        assert!(LENGTHS.with_borrow(BTreeMap::len) <= REMEMBERED);
    }
}
