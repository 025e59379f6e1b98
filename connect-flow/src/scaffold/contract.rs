//! What the flows expect of each Lambda function they invoke: the contract
//! a scaffolded handler is written to.
//!
//! The facts come from the checker's own reading of the flows: the
//! function's name from `LambdaFunctionARN` as matching and placeholder
//! pairing read it, the parameters from each invoking block's
//! `LambdaInvocationAttributes`, and the `$.External` keys from the
//! references the path analysis places after each block.

use std::collections::BTreeMap;

use connect_names::key::is_key;
use connect_types::manifest::ResponseValidation;

use crate::condition;
use crate::flow::{ActionType, ConditionTransition};
use crate::model::{FlowModel, Last, Model};
use crate::placeholder::pairing_key;
use crate::references::{find_references, strings_in};

use super::block_ref::BlockRef;
use super::error::ScaffoldError;

/// A parameter the flows pass in `LambdaInvocationAttributes`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parameter {
    /// The key, exactly as the flows write it.
    pub key: String,
    /// Whether every invoking block passes it.
    pub required: bool,
}

/// A key of the response, with the keys read below it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Key {
    /// The blocks that read the key itself (`$.External.a`), in flow order.
    pub read_by: Vec<BlockRef>,
    /// The keys read below it (`$.External.a.b`), by name.
    pub children: BTreeMap<String, Key>,
    /// Whether a block reads into it with an index (`$.External.a[0]`):
    /// the value is an array, which only JSON validation returns, listed
    /// as `any` (the checker refuses an index into a string or an `array`
    /// entry, and lets one into `any` pass).
    pub indexed: bool,
    /// The literals a "Check contact attributes" block right after the
    /// Lambda compares the key with (`Equals`), in the order first seen:
    /// the values the flows expect it to hold.
    pub compared: Vec<String>,
    /// Whether a block compares it in another way (a number operator, a
    /// text operator, a condition that cannot be read): then it is not a
    /// closed set of the literals above.
    pub compared_otherwise: bool,
    /// The first block that reads below it, for the error when the key is
    /// also read as a value.
    object_reader: Option<BlockRef>,
}

impl Key {
    /// Whether the flows read keys below this one: it is an object.
    pub fn is_object(&self) -> bool {
        !self.children.is_empty()
    }

    /// The values the key holds when the flows compare it only with
    /// literals, with `Equals`: a closed set, which the scaffold writes as a
    /// `ConnectValue` enum and the manifest lists. A key compared only with
    /// `true` or `false` is a boolean's string form: it holds both (the one
    /// the flows leave out is what their No match branch is for).
    ///
    /// ```
    /// let mut key = connect_flow::scaffold::Key::default();
    /// key.compared = vec!["false".to_owned()];
    /// assert_eq!(key.values().unwrap(), ["true", "false"]);
    /// key.compared = vec!["text".to_owned(), "ssml".to_owned()];
    /// assert_eq!(key.values().unwrap(), ["text", "ssml"]);
    /// ```
    pub fn values(&self) -> Option<Vec<String>> {
        let closed = !self.compared.is_empty()
            && !self.compared_otherwise
            && !self.indexed
            && !self.is_object();
        if !closed {
            return None;
        }
        if self.compared.iter().all(|c| c == "true" || c == "false") {
            return Some(vec!["true".to_owned(), "false".to_owned()]);
        }
        Some(self.compared.clone())
    }
}

/// One Lambda function as the flows use it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LambdaContract {
    /// The function's name as the checker reads it from `LambdaFunctionARN`
    /// (a placeholder's name for a placeholder), as first seen.
    pub function: String,
    /// The response validation of every invoking block.
    pub validation: ResponseValidation,
    /// The blocks that invoke it, in flow order.
    pub invoked_by: Vec<BlockRef>,
    /// Each invoking block's `LambdaFunctionARN`, in the same order.
    pub arns: Vec<String>,
    /// The parameters the blocks pass, by key.
    pub parameters: Vec<Parameter>,
    /// The `$.External` keys the flows read after it, by key.
    pub keys: BTreeMap<String, Key>,
}

impl LambdaContract {
    /// The parameters a handler can name with `#[param(rename = "...")]`:
    /// keys of the one key grammar, `[A-Za-z0-9_-]+`.
    pub fn nameable_parameters(&self) -> impl Iterator<Item = &Parameter> {
        self.parameters.iter().filter(|p| is_key(&p.key))
    }

    /// The parameters whose key `#[param]` cannot name (`customer name`):
    /// a handler reads them from the whole event.
    pub fn unnameable_parameters(&self) -> impl Iterator<Item = &Parameter> {
        self.parameters.iter().filter(|p| !is_key(&p.key))
    }

    /// Whether this contract is the function `name` names: equal
    /// [`pairing_key`]s, as the checker pairs a placeholder with a manifest.
    pub fn is_named(&self, name: &str) -> bool {
        pairing_key(&self.function) == pairing_key(name)
    }
}

/// The contracts of every function the flows name, and the blocks whose
/// function cannot be named (a dynamic ARN such as `$.FlowAttributes.x`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contracts {
    /// One per function, ordered by [`pairing_key`] of the name.
    pub lambdas: Vec<LambdaContract>,
    /// Invoking blocks whose function is decided at run time, with their
    /// `LambdaFunctionARN` (which only `--map` can match).
    pub unnamed: Vec<(BlockRef, String)>,
}

/// Reads what `flows` expect of each Lambda function they invoke.
///
/// # Errors
/// [`ScaffoldError::ConflictingValidation`] when two blocks invoke one
/// function with different response validations,
/// [`ScaffoldError::ObjectAndValue`] when a key is read both as a value and
/// as an object, and [`ScaffoldError::NestedUnderStringMap`] when a nested
/// key or an index is read after a block that validates as STRING_MAP.
pub fn contracts(model: &Model) -> Result<Contracts, ScaffoldError> {
    let flows = &model.flows;
    let mut by_key: BTreeMap<String, Builder> = BTreeMap::new();
    let mut unnamed = Vec::new();
    // The function (its pairing key) each block of each flow invokes.
    let mut invokes: Vec<Vec<Option<String>>> = Vec::with_capacity(flows.len());

    for flow in flows {
        let mut of_block = vec![None; flow.blocks.len()];
        for (index, action) in flow.flow.actions.iter().enumerate() {
            let (Some(function), Some(invoke)) = (flow.function(index), action.lambda_invoke())
            else {
                continue;
            };
            let block = block_ref(flow, index);
            let arn = function.text().unwrap_or_default();
            let Some(name) = function.name().map(str::to_owned) else {
                unnamed.push((block, arn.to_owned()));
                continue;
            };
            let key = pairing_key(&name);
            let builder = by_key.entry(key.clone()).or_insert_with(|| Builder {
                function: name,
                validation: invoke.effective_validation(),
                invoked_by: Vec::new(),
                arns: Vec::new(),
                passed: Vec::new(),
                keys: BTreeMap::new(),
            });
            if builder.validation != invoke.effective_validation() {
                return Err(ScaffoldError::ConflictingValidation {
                    function: builder.function.clone(),
                    first: builder.invoked_by[0].clone(),
                    first_validation: builder.validation,
                    second: block,
                    second_validation: invoke.effective_validation(),
                });
            }
            let passed = invoke
                .invocation_attributes()
                .map(|attributes| attributes.keys().cloned().collect())
                .unwrap_or_default();
            builder.passed.push(passed);
            builder.invoked_by.push(block);
            builder.arns.push(arn.to_owned());
            of_block[index] = Some(key);
        }
        invokes.push(of_block);
    }

    for (flow, of_block) in flows.iter().zip(&invokes) {
        for (index, action) in flow.flow.actions.iter().enumerate() {
            let Some(state) = flow.facts().at(index) else {
                continue;
            };
            for (field, text) in strings_in(&action.parameters) {
                // A Compare of the whole `$.External.k`: its conditions say
                // which values the flows expect `k` to hold.
                let compared = (action.action_type == ActionType::Compare
                    && field == "ComparisonValue")
                    .then(|| Comparison::of(&action.transitions.conditions));
                for reference in find_references(text) {
                    let whole = reference.text == text && !reference.indexed;
                    for last in state {
                        // Only a Lambda that ran has a response to read: a
                        // failed or still pending one is the checker's
                        // warning, not part of the contract.
                        let Last::Ran(invoker) = *last else { continue };
                        let Some(builder) = of_block[invoker]
                            .as_ref()
                            .and_then(|function| by_key.get_mut(function))
                        else {
                            continue;
                        };
                        let reader = block_ref(flow, index);
                        if (reference.is_nested() || reference.indexed)
                            && builder.validation == ResponseValidation::StringMap
                        {
                            let index = if reference.indexed { "[...]" } else { "" };
                            return Err(ScaffoldError::NestedUnderStringMap {
                                function: builder.function.clone(),
                                reference: format!("{}{index}", reference.text),
                                reader,
                                invoker: block_ref(flow, invoker),
                            });
                        }
                        builder.read(&reference.keys, reference.indexed, reader)?;
                        if let (true, Some(comparison)) = (whole, &compared) {
                            builder.compared(&reference.keys, comparison);
                        }
                    }
                }
            }
        }
    }

    Ok(Contracts {
        lambdas: by_key.into_values().map(Builder::finish).collect(),
        unnamed,
    })
}

fn block_ref(flow: &FlowModel, index: usize) -> BlockRef {
    let file = flow
        .flow
        .path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| flow.flow.path.display().to_string());
    BlockRef::new(format!("{file}: {}", flow.blocks[index].name))
}

/// What a Compare block's conditions say of the value it tests.
struct Comparison {
    /// The `Equals` literals, in order.
    literals: Vec<String>,
    /// Whether some condition is anything else.
    otherwise: bool,
}

impl Comparison {
    fn of(conditions: &[ConditionTransition]) -> Comparison {
        let mut comparison = Comparison {
            literals: Vec::new(),
            otherwise: false,
        };
        for transition in conditions {
            let condition = transition.condition.as_ref();
            match (
                condition::operator(condition),
                condition::operand(condition),
            ) {
                (Some("Equals"), Some(literal)) => comparison.literals.push(literal.to_owned()),
                _ => comparison.otherwise = true,
            }
        }
        comparison
    }
}

/// A contract while the flows are read.
struct Builder {
    function: String,
    validation: ResponseValidation,
    invoked_by: Vec<BlockRef>,
    arns: Vec<String>,
    /// The keys each invoking block passes.
    passed: Vec<Vec<String>>,
    keys: BTreeMap<String, Key>,
}

impl Builder {
    /// Records that `reader` reads `$.External.<keys joined by .>`.
    /// Records that `reader` reads `$.External.<keys joined by .>`, with an
    /// index behind when `indexed`.
    fn read(
        &mut self,
        keys: &[&str],
        indexed: bool,
        reader: BlockRef,
    ) -> Result<(), ScaffoldError> {
        let conflict =
            |key: &[&str], value_reader: BlockRef, object_reader: BlockRef, child: &str| {
                ScaffoldError::ObjectAndValue {
                    function: self.function.clone(),
                    key: key.join("."),
                    value_reader,
                    object_reader,
                    child: child.to_owned(),
                }
            };
        let mut level = &mut self.keys;
        for (depth, key) in keys.iter().enumerate() {
            let entry = level.entry((*key).to_owned()).or_default();
            let Some(child) = keys.get(depth + 1) else {
                if let Some(object_reader) = &entry.object_reader {
                    let child = entry.children.keys().next().map_or("", String::as_str);
                    return Err(conflict(keys, reader, object_reader.clone(), child));
                }
                entry.indexed |= indexed;
                if !entry.read_by.contains(&reader) {
                    entry.read_by.push(reader);
                }
                return Ok(());
            };
            if let Some(value_reader) = entry.read_by.first() {
                return Err(conflict(
                    &keys[..=depth],
                    value_reader.clone(),
                    reader,
                    child,
                ));
            }
            entry.object_reader.get_or_insert_with(|| reader.clone());
            level = &mut entry.children;
        }
        Ok(())
    }

    /// Records that a Compare block tests `$.External.<keys joined by .>`
    /// (already read) as `comparison` says.
    fn compared(&mut self, keys: &[&str], comparison: &Comparison) {
        let Some((last, parents)) = keys.split_last() else {
            return;
        };
        let mut level = &mut self.keys;
        for key in parents {
            let Some(entry) = level.get_mut(*key) else {
                return;
            };
            level = &mut entry.children;
        }
        let Some(entry) = level.get_mut(*last) else {
            return;
        };
        for literal in &comparison.literals {
            if !entry.compared.contains(literal) {
                entry.compared.push(literal.clone());
            }
        }
        entry.compared_otherwise |= comparison.otherwise;
    }

    fn finish(self) -> LambdaContract {
        let mut keys: BTreeMap<&str, usize> = BTreeMap::new();
        for passed in &self.passed {
            for key in passed {
                *keys.entry(key).or_default() += 1;
            }
        }
        let parameters = keys
            .into_iter()
            .map(|(key, count)| Parameter {
                key: key.to_owned(),
                required: count == self.passed.len(),
            })
            .collect();
        LambdaContract {
            function: self.function,
            validation: self.validation,
            invoked_by: self.invoked_by,
            arns: self.arns,
            parameters,
            keys: self.keys,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::Flow;

    fn flow(actions: &str) -> Flow {
        Flow::from_slice(
            format!(r#"{{"Version": "2019-10-30", "StartAction": "a", "Actions": [{actions}]}}"#)
                .as_bytes(),
            "dir/f.json",
        )
        .unwrap()
    }

    fn lambda(id: &str, arn: &str, next: &str, error: &str) -> String {
        format!(
            r#"{{"Identifier": "{id}", "Type": "InvokeLambdaFunction",
                "Parameters": {{"LambdaFunctionARN": "{arn}", "InvocationTimeLimitSeconds": "8"}},
                "Transitions": {{"NextAction": "{next}",
                  "Errors": [{{"ErrorType": "NoMatchingError", "NextAction": "{error}"}}]}}}}"#
        )
    }

    fn say(id: &str, text: &str, next: &str) -> String {
        format!(
            r#"{{"Identifier": "{id}", "Type": "MessageParticipant", "Parameters": {{"Text": "{text}"}},
                "Transitions": {{"NextAction": "{next}"}}}}"#
        )
    }

    fn keys(contract: &LambdaContract) -> Vec<&str> {
        contract.keys.keys().map(String::as_str).collect()
    }

    #[test]
    fn a_key_read_where_either_of_two_lambdas_ran_last_belongs_to_both() {
        // a -> (ok) say ; a -> (error) b -> say: `say` reads after a or b.
        let f = flow(
            &[
                lambda("a", "arn:aws:lambda:r:1:function:First", "say", "b"),
                lambda("b", "${LambdaSecond.Arn}", "say", "end"),
                say("say", "$.External.greeting", "end"),
                say("end", "Bye", ""),
            ]
            .join(","),
        );
        let found = contracts(&crate::model::Model::new(vec![f])).unwrap();
        let names: Vec<&str> = found.lambdas.iter().map(|c| c.function.as_str()).collect();
        assert_eq!(names, ["First", "Second"]);
        assert_eq!(keys(&found.lambdas[0]), ["greeting"]);
        assert_eq!(keys(&found.lambdas[1]), ["greeting"]);
        assert_eq!(
            found.lambdas[0].keys["greeting"].read_by,
            [BlockRef::new(
                "f.json: block \"Play prompt\" \"say\"".into()
            )]
        );
    }

    #[test]
    fn reads_on_an_error_branch_are_not_part_of_the_contract() {
        let f = flow(
            &[
                lambda("a", "arn:aws:lambda:r:1:function:First", "ok", "failed"),
                say("ok", "$.External.balance", ""),
                say("failed", "$.External.reason", ""),
            ]
            .join(","),
        );
        let found = contracts(&crate::model::Model::new(vec![f])).unwrap();
        assert_eq!(keys(&found.lambdas[0]), ["balance"]);
    }

    #[test]
    fn a_function_chosen_at_run_time_is_listed_apart() {
        let f = flow(
            &[
                lambda("a", "$.FlowAttributes.timestamper", "say", "say"),
                say("say", "$.External.time", ""),
            ]
            .join(","),
        );
        let found = contracts(&crate::model::Model::new(vec![f])).unwrap();
        assert!(found.lambdas.is_empty());
        assert_eq!(found.unnamed.len(), 1);
        assert!(found.unnamed[0]
            .0
            .to_string()
            .starts_with("f.json: block \"Invoke AWS Lambda function\" \"a\""));
    }

    #[test]
    fn names_that_pair_alike_are_one_function() {
        let f = flow(
            &[
                lambda("a", "arn:aws:lambda:r:1:function:get-balance", "b", "b"),
                lambda("b", "${LambdaGetBalance.Arn}", "c", "c"),
                lambda("c", "<<getBalanceLambdaArn>>", "", ""),
            ]
            .join(","),
        );
        let found = contracts(&crate::model::Model::new(vec![f])).unwrap();
        assert_eq!(found.lambdas.len(), 1);
        assert_eq!(found.lambdas[0].function, "get-balance");
        assert_eq!(found.lambdas[0].invoked_by.len(), 3);
        assert!(found.lambdas[0].is_named("GetBalance"));
    }
}
