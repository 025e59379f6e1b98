//! What `#[connect_handler]` generates, through `invoke`: each argument
//! kind extracted from the event, the shapes of handler and return, and the
//! manifest it writes (and exports with `CONNECT_MANIFEST_DIR`).

mod arguments;
mod manifest;
mod manifest_dir;
mod returns;
