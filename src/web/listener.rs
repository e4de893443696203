//! An event listener that removes itself when dropped (as gloo-events' `EventListener` does).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Event, EventTarget};

pub(crate) struct Listener {
    target: EventTarget,
    kind: &'static str,
    capture: bool,
    closure: Closure<dyn FnMut(Event)>,
}

impl Listener {
    /// `None` when the target refuses the listener (then nothing is registered).
    pub(crate) fn new(target: &EventTarget, kind: &'static str, capture: bool, f: impl FnMut(Event) + 'static) -> Option<Listener> {
        let closure = Closure::<dyn FnMut(Event)>::new(f);
        target.add_event_listener_with_callback_and_bool(kind, closure.as_ref().unchecked_ref(), capture).ok()?;
        Some(Listener { target: target.clone(), kind, capture, closure })
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        self.target.remove_event_listener_with_callback_and_bool(self.kind, self.closure.as_ref().unchecked_ref(), self.capture).ok();
    }
}
