//! The Lambda ARN grammar: the function name an ARN holds, and the form
//! function names are compared in. The leaf under [`crate::function`] (which
//! reads a `LambdaFunctionARN` into a [`crate::function::FunctionRef`]) and
//! under the placeholder grammar, so neither imports the other's user.

use connect_names::function_name::is_function_name;

/// The function name in a Lambda ARN, without alias or version; `None` for a
/// placeholder or a dynamic reference, which only `--map` can match.
///
/// ```
/// use connect_flow::arn::function_name;
///
/// assert_eq!(function_name("arn:aws:lambda:us-east-1:123456789012:function:get-balance"),
///            Some("get-balance"));
/// assert_eq!(function_name("arn:aws:lambda:us-east-1:123456789012:function:get-balance:7"),
///            Some("get-balance"));
/// assert_eq!(function_name("${GetBalanceFunction.Arn}"), None);
/// assert_eq!(function_name("$.FlowAttributes.lambdaArn"), None);
/// ```
pub fn function_name(arn: &str) -> Option<&str> {
    if arn.contains("$.") {
        return None;
    }
    let (_, after) = arn.split_once(":function:")?;
    let name = after.split(':').next().unwrap_or(after);
    is_function_name(name).then_some(name)
}

/// The form names are compared in: lower case, without `-` and `_`.
///
/// ```
/// assert_eq!(connect_flow::arn::normalize("My_First-Lambda"), "myfirstlambda");
/// ```
pub fn normalize(name: &str) -> String {
    name.chars()
        .filter(|c| *c != '-' && *c != '_')
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether two function names name the same function (ignoring case, `-`
/// and `_`).
///
/// ```
/// use connect_flow::arn::same_function;
/// assert!(same_function("get-balance", "GetBalance"));
/// assert!(!same_function("get-balance", "GetBalances"));
/// ```
pub fn same_function(a: &str, b: &str) -> bool {
    normalize(a) == normalize(b)
}
