//! The receiving form's state: carton lines as typed, prefilled with the
//! booked (or already measured) cartons. On submit they become cartons,
//! checked as the server checks them: a figure that is not a number, or a
//! carton that cannot be, is an error on its field (`cartons[1].weight_kg`).

use leptos::prelude::*;
use shipdesk::orders::check;
use shipdesk::pricing::CartonInput;
use shipdesk::{AppError, ErrorKey};

use super::fig;

/// One carton line as typed: count, L, W, H (cm), kg each.
#[derive(Clone, Copy)]
pub struct LineDraft {
    pub key: u32,
    pub values: [RwSignal<String>; 5],
}

/// The names of a line's fields, as the server names them.
pub const FIELDS: [&str; 5] = ["count", "length_cm", "width_cm", "height_cm", "weight_kg"];

#[derive(Clone, Copy)]
pub struct ReceiveDraft {
    pub lines: RwSignal<Vec<LineDraft>>,
    next_key: RwSignal<u32>,
}

fn typed(c: &CartonInput) -> [String; 5] {
    [
        c.count.to_string(),
        fig(c.length_cm),
        fig(c.width_cm),
        fig(c.height_cm),
        fig(c.weight_kg),
    ]
}

/// Typed lines as cartons, each figure checked, then the cartons checked.
pub fn parse(lines: &[[String; 5]]) -> Result<Vec<CartonInput>, AppError> {
    let cartons = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let field = |n: usize| format!("cartons[{i}].{}", FIELDS[n]);
            let num = |n: usize| {
                let s = l[n].trim().replace(['，', ','], ".");
                s.parse::<f64>()
                    .ok()
                    .filter(|v| v.is_finite())
                    .ok_or_else(|| AppError::validation(&field(n), ErrorKey::CargoNotANumber))
            };
            let count = l[0]
                .trim()
                .parse::<i64>()
                .map_err(|_| AppError::validation(&field(0), ErrorKey::CargoCountInvalid))?;
            Ok(CartonInput {
                count,
                length_cm: num(1)?,
                width_cm: num(2)?,
                height_cm: num(3)?,
                weight_kg: num(4)?,
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    check::cartons(&cartons)?;
    Ok(cartons)
}

impl ReceiveDraft {
    pub fn new(cartons: &[CartonInput]) -> Self {
        let lines = cartons
            .iter()
            .enumerate()
            .map(|(i, c)| LineDraft {
                key: i as u32,
                values: typed(c).map(RwSignal::new),
            })
            .collect::<Vec<_>>();
        ReceiveDraft {
            next_key: RwSignal::new(lines.len() as u32),
            lines: RwSignal::new(lines),
        }
    }

    pub fn add_line(&self) {
        let key = self.next_key.get_untracked();
        self.next_key.set(key + 1);
        let line = LineDraft {
            key,
            values: std::array::from_fn(|_| RwSignal::new(String::new())),
        };
        self.lines.update(|l| l.push(line));
    }

    pub fn remove_line(&self, key: u32) {
        self.lines.update(|l| l.retain(|x| x.key != key));
    }

    /// The line's place now (fields are named by it).
    pub fn at(&self, key: u32) -> usize {
        self.lines
            .with(|l| l.iter().position(|x| x.key == key))
            .unwrap_or(0)
    }

    pub fn cartons(&self) -> Result<Vec<CartonInput>, AppError> {
        let typed: Vec<[String; 5]> = self
            .lines
            .get_untracked()
            .iter()
            .map(|l| l.values.map(|v| v.get_untracked()))
            .collect();
        parse(&typed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(v: [&str; 5]) -> [String; 5] {
        v.map(str::to_owned)
    }

    fn field(r: Result<Vec<CartonInput>, AppError>) -> String {
        r.unwrap_err().field().unwrap_or_default().to_owned()
    }

    #[test]
    fn typed_lines_become_cartons_with_commas_read_as_points() {
        let c = parse(&[line(["5", "50", "40", "30", "30,5"])]).unwrap();
        assert_eq!(c[0].count, 5);
        assert_eq!(c[0].weight_kg, 30.5);
    }

    #[test]
    fn a_bad_figure_or_an_impossible_carton_is_an_error_on_its_field() {
        let ok = line(["5", "50", "40", "30", "22"]);
        let bad = line(["2", "50", "x", "30", "22"]);
        assert_eq!(field(parse(&[ok.clone(), bad])), "cartons[1].width_cm");
        let zero = line(["1", "50", "40", "0", "22"]);
        assert_eq!(field(parse(&[zero])), "cartons[0].height_cm");
        assert_eq!(
            field(parse(&[line(["1.5", "1", "1", "1", "1"])])),
            "cartons[0].count"
        );
        assert_eq!(field(parse(&[])), "cartons");
    }

    #[test]
    fn a_carton_reads_back_as_it_was_typed() {
        let c = CartonInput {
            count: 5,
            length_cm: 50.0,
            width_cm: 40.5,
            height_cm: 30.0,
            weight_kg: 22.25,
        };
        assert_eq!(typed(&c), ["5", "50", "40.5", "30", "22.25"]);
    }
}
