//! A channel library as chosen in its form: tags, modes, origins and
//! countries picked as chips, channels added and excluded by hand. Read
//! back into a `LibraryForSave` with the library's own check.

use leptos::prelude::*;
use shipdesk::pricing::{ChannelLibrary, LibraryForSave, LibraryRules, Mode};
use shipdesk::{AppError, Id};

#[derive(Clone, Copy)]
pub struct LibraryDraft {
    pub id: Id,
    pub name: RwSignal<String>,
    pub required: RwSignal<Vec<String>>,
    pub excluded: RwSignal<Vec<String>>,
    /// Modes by their code (`air_express`).
    pub modes: RwSignal<Vec<String>>,
    pub origins: RwSignal<Vec<String>>,
    pub countries: RwSignal<Vec<String>>,
    pub include: RwSignal<Vec<Id>>,
    pub exclude: RwSignal<Vec<Id>>,
}

impl LibraryDraft {
    pub fn of(lib: Option<&ChannelLibrary>) -> LibraryDraft {
        let r = lib.map(|l| l.rules.clone()).unwrap_or_default();
        let modes = r.modes.iter().map(|m| m.as_str().to_owned()).collect();
        LibraryDraft {
            id: lib.map_or(0, |l| l.id),
            name: RwSignal::new(lib.map(|l| l.name.clone()).unwrap_or_default()),
            required: RwSignal::new(r.required_tags),
            excluded: RwSignal::new(r.excluded_tags),
            modes: RwSignal::new(modes),
            origins: RwSignal::new(r.origins),
            countries: RwSignal::new(r.countries),
            include: RwSignal::new(lib.map_or(vec![], |l| l.include.clone())),
            exclude: RwSignal::new(lib.map_or(vec![], |l| l.exclude.clone())),
        }
    }

    /// The library as it stands now (reactive: a pre-check compares it).
    pub fn input(&self) -> LibraryForSave {
        LibraryForSave {
            id: self.id,
            name: self.name.get().trim().to_owned(),
            rules: LibraryRules {
                required_tags: self.required.get(),
                excluded_tags: self.excluded.get(),
                modes: (self.modes.get().iter())
                    .filter_map(|m| Mode::parse(m).ok())
                    .collect(),
                origins: self.origins.get(),
                countries: self.countries.get(),
            },
            include: self.include.get(),
            exclude: self.exclude.get(),
        }
    }

    /// The library to save or pre-check, checked as the server checks it.
    pub fn build(&self) -> Result<LibraryForSave, AppError> {
        let input = untrack(|| self.input());
        input.check()?;
        Ok(input)
    }
}
