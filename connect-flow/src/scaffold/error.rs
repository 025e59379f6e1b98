//! Why a package could not be scaffolded (nothing is written then).

use std::path::PathBuf;

use connect_types::manifest::ResponseValidation;

use super::block_ref::BlockRef;
use crate::error::InputError;

/// The flows ask two incompatible things of one Lambda, the output folder
/// is in the way, or an input cannot be read. Messages name the blocks as
/// the flow designer does, and say what to change.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ScaffoldError {
    /// Two blocks invoke one function with different response validations.
    #[error(
        "function `{function}` is invoked with two response validations: \
         {first} validates as {first_validation}, {second} as {second_validation}; \
         one handler returns one shape, so set both blocks' \"Response validation\" to the same mode"
    )]
    ConflictingValidation {
        /// The function.
        function: String,
        /// The first block that invokes it.
        first: BlockRef,
        /// That block's validation.
        first_validation: ResponseValidation,
        /// A block that invokes it with another validation.
        second: BlockRef,
        /// This block's validation.
        second_validation: ResponseValidation,
    },
    /// A key is read both as a value and as an object.
    #[error(
        "`$.External.{key}` of function `{function}` is read as a value by {value_reader} \
         and as an object by {object_reader} (`$.External.{key}.{child}`); \
         one response cannot hold both, so change one of the references"
    )]
    ObjectAndValue {
        /// The function.
        function: String,
        /// The dotted key.
        key: String,
        /// A block that reads the key itself.
        value_reader: BlockRef,
        /// A block that reads a key below it.
        object_reader: BlockRef,
        /// The key read below it.
        child: String,
    },
    /// A nested key or an index is read after a block that validates as
    /// STRING_MAP.
    #[error(
        "{reader} reads `{reference}` of function `{function}` after {invoker}, whose \
         response validation is STRING_MAP (flat strings: no nested keys, no arrays); \
         set that block's \"Response validation\" to JSON"
    )]
    NestedUnderStringMap {
        /// The function.
        function: String,
        /// The reference: `$.External.Name.First`, `$.External.items[...]`.
        reference: String,
        /// The block that reads it.
        reader: BlockRef,
        /// The block that invoked the function.
        invoker: BlockRef,
    },
    /// The flows invoke no function that can be named.
    #[error(
        "the flows invoke no Lambda function named in LambdaFunctionARN (an ARN or a \
         deployment placeholder); a function chosen at run time ($.FlowAttributes.x) \
         cannot be scaffolded"
    )]
    NoFunction,
    /// Every function the flows invoke has a manifest already.
    #[error(
        "every Lambda function the flows invoke already has a manifest (--manifest, --map): \
         nothing to scaffold"
    )]
    EveryFunctionHasAManifest,
    /// `manifest --function NAME` names no function the flows invoke.
    #[error("the flows invoke no function `{name}`; they invoke: {known}")]
    UnknownFunction {
        /// The name asked for.
        name: String,
        /// The functions the flows invoke, comma-separated.
        known: String,
    },
    /// The output folder holds files and `--force` was not given.
    #[error(
        "{}: the folder is not empty; scaffold into a new or empty folder, \
         or pass --force to overwrite the files it writes there",
        dir.display()
    )]
    OutNotEmpty {
        /// The folder.
        dir: PathBuf,
    },
    /// `--connect-lambda-path` names no folder.
    #[error("{}: --connect-lambda-path names no connect-lambda checkout: {source}", path.display())]
    ConnectLambdaPath {
        /// The path given.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// A file could not be written.
    #[error("{}: cannot write the file: {source}", path.display())]
    Write {
        /// The file or folder.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// A flow cannot be read.
    #[error(transparent)]
    Input(#[from] InputError),
}
