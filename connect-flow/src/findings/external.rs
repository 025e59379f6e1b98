//! Rules on `$.External` references: each checked against what the Lambda
//! that may have run last returns.

use connect_types::manifest::ResponseValidation;

use super::codes::Code;
use super::driver::FlowChecker;
use connect_names::suggest::did_you_mean;

use super::keys::{article, key_status, referenceable_keys, returns_list, KeyStatus};
use crate::model::Last;
use crate::references::Reference;

impl FlowChecker<'_> {
    pub(super) fn reference(
        &mut self,
        index: usize,
        field: &str,
        reference: &Reference<'_>,
        last: Last,
    ) {
        let text = reference.text;
        match last {
            Last::Nothing => {
                let message = format!("`{text}` is read where no Lambda has run in this flow");
                self.push(Code::NoLambdaRan, Some(index), field, message)
                    .note = Some(
                    "the value can only come from a flow that transferred here; \
                     store it in a contact attribute there and read `$.Attributes` instead"
                        .into(),
                );
            }
            Last::Failed(block) => {
                let message = format!(
                    "`{text}` is read on the error branch of {}",
                    self.name(block)
                );
                self.push(Code::AfterLambdaError, Some(index), field, message)
                    .note = Some("when the Lambda fails there is no response to read".into());
            }
            Last::Pending(block) => {
                let message = format!(
                    "`{text}` is read before the result of the asynchronous invoke in {} is loaded",
                    self.name(block)
                );
                self.push(Code::AsyncResultNotLoaded, Some(index), field, message)
                    .help = Some(
                    "load it first with an AWS Lambda function block set to \"Load Lambda result\""
                        .into(),
                );
            }
            Last::Ran(block) => self.returned_key(index, field, reference, block),
            // The function of that block is unknown (its own
            // `unknown-function` says so): nothing can be said of its keys,
            // and no earlier Lambda is blamed.
            Last::Unknown(_) => {}
        }
    }

    fn returned_key(&mut self, index: usize, field: &str, reference: &Reference<'_>, block: usize) {
        let text = reference.text;
        let Some(invoke) = self.flow.actions[block].lambda_invoke() else {
            return;
        };
        if reference.is_nested() && invoke.effective_validation() == ResponseValidation::StringMap {
            let message = format!(
                "`{text}` reads a nested key, but {} validates the response as STRING_MAP",
                self.name(block)
            );
            self.push(Code::NestedUnderStringMap, Some(index), field, message)
                .help = Some(format!(
                "set Response validation to JSON in {}, or return `{}` as a top-level key",
                self.name(block),
                reference.keys.join("_")
            ));
            return;
        }
        let Some(loaded) = self.manifest_of(block) else {
            return;
        };
        let manifest = &loaded.manifest;
        let handler = manifest.handler.as_str();
        match key_status(manifest, &reference.keys, reference.indexed) {
            KeyStatus::Fine => {}
            KeyStatus::Optional => {
                let message =
                    format!("`{text}` may be missing: {handler} leaves it out of some responses");
                self.push(Code::OptionalKey, Some(index), field, message).note = Some(
                    "the manifest marks it \"required\": false; check that it is set before relying on it"
                        .into(),
                );
            }
            KeyStatus::Unknown => {
                let key = reference.key();
                let suggestion = did_you_mean(key, referenceable_keys(manifest)).map(str::to_owned);
                let message = format!("`{text}` is never returned by {handler}");
                let help = if suggestion.is_some() {
                    None
                } else {
                    Some(returns_list(manifest))
                };
                let block_name = self.name(block);
                let finding = self.push(Code::UnknownKey, Some(index), field, message);
                finding.suggestion = suggestion;
                finding.help = help;
                finding.note = Some(format!("{handler} is the Lambda invoked by {block_name}"));
            }
            KeyStatus::NotReferenceable(why) => {
                let message = format!("`{text}` cannot be referenced: {why}");
                self.push(Code::NotReferenceable, Some(index), field, message)
                    .note = Some(
                    "a flow cannot read into an array; return the values it needs as separate keys"
                        .into(),
                );
            }
            KeyStatus::NotObject { parent, ty } => {
                let message = format!(
                    "`{text}` reads below `{parent}`, which {handler} returns as {}",
                    article(ty)
                );
                self.push(Code::NestedUnderStringMap, Some(index), field, message)
                    .help = Some(format!("reference `$.External.{parent}` itself"));
            }
        }
    }
}
