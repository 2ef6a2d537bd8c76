//! The seed programs on a runtime written here: [`runtime`], the loop behind the scenes.
pub mod runtime;
