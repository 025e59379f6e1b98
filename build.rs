//! Declares the hidden module the macros expand to, named as serde names
//! its own (`__private228`): `__private` and the patch version. connect-derive
//! builds the same name from the same workspace version and is pinned with
//! `=`, so a macro and a runtime of different versions fail to compile on
//! that one name (see src/private.rs).

use std::path::Path;

fn main() {
    let patch =
        std::env::var("CARGO_PKG_VERSION_PATCH").expect("cargo sets CARGO_PKG_VERSION_PATCH");
    let out_dir = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let module = format!(
        "#[doc(hidden)]\npub mod __private{patch} {{\n    pub use crate::private::*;\n}}\n"
    );
    std::fs::write(Path::new(&out_dir).join("private.rs"), module).expect("OUT_DIR is writable");
    println!("cargo::rerun-if-changed=build.rs");
}
