//! Heap allocations on the success path, counted by a global allocator.
//!
//! The scan borrows every value from the body: the tutorial event is
//! scanned without a single allocation, and extracting its arguments costs
//! only what the argument types own (one `String`).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use connect_types::extract::{from_slice, optional, required, scan, EventPlan, Source};

struct Counting;

thread_local! {
    // Per thread: the test harness runs tests on several threads.
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Allocations made by `f` on this thread.
fn count<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = ALLOCATIONS.with(Cell::get);
    let value = f();
    let after = ALLOCATIONS.with(Cell::get);
    (value, after - before)
}

const TUTORIAL: &[u8] = include_bytes!("../events/connect-mock.json");
const FULL: &[u8] = include_bytes!("../events/full-contact-data.json");

static TUTORIAL_PLAN: EventPlan = EventPlan {
    parameters: &["companyName", "age"],
    attributes: &["greetingPlayed"],
    contact_paths: &["CustomerEndpoint.Address"],
    contact_data: false,
};

#[test]
fn scanning_the_tutorial_event_allocates_nothing() {
    let (scanned, allocations) = count(|| scan(TUTORIAL, &TUTORIAL_PLAN).unwrap());
    assert!(scanned.parameter(0).is_some());
    assert!(scanned.contact(0).is_some());
    assert_eq!(allocations, 0);
}

#[test]
fn extracting_the_tutorial_arguments_allocates_only_what_they_own() {
    let ((company, age, greeted, phone), allocations) = count(|| {
        let scanned = scan(TUTORIAL, &TUTORIAL_PLAN).unwrap();
        let company: String =
            required(scanned.parameter(0), Source::Parameter, "companyName").unwrap();
        let age: Option<u32> = optional(scanned.parameter(1), Source::Parameter, "age").unwrap();
        let greeted: Option<String> =
            optional(scanned.attribute(0), Source::Attribute, "greetingPlayed").unwrap();
        let phone: &str = required(
            scanned.contact(0),
            Source::Contact,
            "CustomerEndpoint.Address",
        )
        .unwrap();
        (company, age, greeted, phone)
    });
    assert_eq!(company, "GGG");
    assert_eq!((age, greeted, phone), (None, None, "+1234567890"));
    // The `String` of `company`.
    assert_eq!(allocations, 1);
}

#[test]
fn scanning_deep_skipped_values_and_whole_contact_data_stays_small() {
    static PLAN: EventPlan = EventPlan {
        parameters: &["exampleParameterKey1"],
        attributes: &["exampleAttributeKey1"],
        contact_paths: &[
            "References.key1.Value",
            "MediaStreams.Customer.Audio.StreamARN",
        ],
        contact_data: true,
    };
    let (scanned, allocations) = count(|| scan(FULL, &PLAN).unwrap());
    assert!(scanned.contact(1).is_some());
    assert!(scanned.contact_data().is_some());
    // serde_json's skipper keeps a stack of open brackets for values nested
    // two deep or more.
    assert!(allocations <= 4, "{allocations} allocations");
}

#[test]
fn lenient_borrowed_reads_allocate_nothing() {
    #[derive(serde::Deserialize)]
    #[allow(dead_code)]
    struct Borrowed<'a> {
        name: &'a str,
        age: u32,
        ok: bool,
        tags: (u8, u8),
    }
    let json = br#"{"name": "Jane", "age": "10", "ok": "TRUE", "skipped": {"a": [1, 2]}, "tags": ["1", 2]}"#;
    let (value, allocations) = count(|| from_slice::<Borrowed<'_>>(json).unwrap());
    assert_eq!((value.name, value.age, value.ok), ("Jane", 10, true));
    // serde_json's skipper keeps its stack of open brackets in one `Vec`
    // once it is two deep (`{"a": [`).
    assert_eq!(allocations, 1);
    let json =
        br#"{"name": "Jane", "age": "10", "ok": "TRUE", "skipped": {"a": 1}, "tags": ["1", 2]}"#;
    let (_, allocations) = count(|| from_slice::<Borrowed<'_>>(json).unwrap());
    assert_eq!(allocations, 0);
}
