//! The Lambda function-name grammar.
//!
//! A deployed function's name (not its ARN) is 1 to 64 of `A-Z`, `a-z`,
//! `0-9`, `_` and `-`: the key grammar, bounded. The flow checker compares it
//! with the name at the end of a block's `LambdaFunctionARN`.
//!
//! ```
//! use connect_names::function_name::is_function_name;
//!
//! assert!(is_function_name("MyFirstConnectLambda"));
//! assert!(is_function_name("get-balance_2"));
//! assert!(!is_function_name("arn:aws:lambda:us-east-1:123456789012:function:get-balance"));
//! assert!(!is_function_name(&"a".repeat(65)));
//! assert!(!is_function_name(""));
//! ```

use crate::key::is_key;

/// The longest function name Lambda accepts.
pub const MAX_FUNCTION_NAME_LEN: usize = 64;

/// Whether `name` is a Lambda function name: 1 to
/// [`MAX_FUNCTION_NAME_LEN`] of `[A-Za-z0-9_-]`.
pub fn is_function_name(name: &str) -> bool {
    name.len() <= MAX_FUNCTION_NAME_LEN && is_key(name)
}
