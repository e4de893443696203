//! Numbers about the communes as a whole, for every output alike (canvas, SVG, summary, table,
//! readouts): the order of rows, the reference of `compare` (mean or median of the communes that
//! have a value: missing is not zero), ranks with ties, and sections of `group`.

use crate::model::{f64_from_len, ChartKind, Compare, Group, Model, Sort};

/// `0..n` in `sort` order of `keys` (stable; missing values last). One sort for every use, so
/// the wasm carries one copy of the sort code: an unstable sort with the index as the last
/// key, which orders exactly as a stable sort and links no merge-sort buffer code.
pub fn sorted_order(n: usize, keys: &[Option<f64>], sort: Sort) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    if sort == Sort::None {
        return order;
    }
    let keyed = |i: &usize| keys.get(*i).copied().flatten();
    order.sort_unstable_by(|a, b| {
        let by_value = match (keyed(a), keyed(b)) {
            (Some(x), Some(y)) => {
                let o = x.total_cmp(&y);
                if sort == Sort::Desc {
                    o.reverse()
                } else {
                    o
                }
            }
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        };
        by_value.then(a.cmp(b))
    });
    order
}

/// Whether every commune with members has a population above 0 (and one does): the overview then
/// draws members per 1,000 residents too.
pub fn population_given(model: &Model) -> bool {
    let mut any = false;
    for c in &model.communes {
        if c.members.is_some() {
            if c.members_per_1000().is_none() {
                return false;
            }
            any = true;
        }
    }
    any
}

/// Each commune's value in `kind` (single-value kinds; `None`: no data, or another kind).
pub fn values(model: &Model, kind: ChartKind) -> Vec<Option<f64>> {
    model.communes.iter().map(|c| kind.value_of(c)).collect()
}

/// The reference `compare` asks for, over the values there are; `None` without any, or for
/// `Compare::None`.
pub fn reference(values: &[Option<f64>], compare: Compare) -> Option<f64> {
    let n = values.iter().flatten().count();
    match compare {
        Compare::None => None,
        _ if n == 0 => None,
        Compare::Mean => Some(values.iter().flatten().sum::<f64>() / f64_from_len(n)),
        // The middle value, or the mean of the two middle ones (values sort first, missing last).
        Compare::Median => {
            let order = sorted_order(values.len(), values, Sort::Asc);
            let at = |i: usize| order.get(i).and_then(|&j| values.get(j).copied().flatten());
            if n % 2 == 1 {
                at(n / 2)
            } else {
                Some((at(n / 2 - 1)? + at(n / 2)?) / 2.0)
            }
        }
    }
}

/// Each value's rank, 1 = largest, among the values there are; equal values share the best
/// rank (1, 2, 2, 4); `None` where there is no value. With the count of ranked values.
pub fn ranks(values: &[Option<f64>]) -> (Vec<Option<usize>>, usize) {
    let order = sorted_order(values.len(), values, Sort::Desc);
    let mut ranks = vec![None; values.len()];
    let mut last: Option<(f64, usize)> = None;
    let mut ranked = 0;
    for (position, &i) in order.iter().enumerate() {
        let Some(v) = values.get(i).copied().flatten() else { break };
        let rank = match last {
            Some((prev, r)) if prev == v => r,
            _ => position + 1,
        };
        last = Some((v, rank));
        if let Some(slot) = ranks.get_mut(i) {
            *slot = Some(rank);
        }
        ranked += 1;
    }
    (ranks, ranked)
}

/// One section of `group`: its name (`None`: communes without one) and its communes' indices.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub name: Option<String>,
    pub items: Vec<usize>,
}

/// The heading of the section of communes without a province (or district): `Tỉnh: không có
/// số liệu`.
pub fn unnamed_section(group: Group, locale: crate::Locale) -> String {
    let w = locale.words();
    crate::cat!(if group == Group::District { w.district } else { w.province }, ": ", w.no_data)
}

/// `order` cut into sections by `group`, in order of each group's first appearance in the data
/// (the journalist's order), keeping `order` within each; one unnamed section without `group`.
pub fn sections(model: &Model, order: &[usize]) -> Vec<Section> {
    if model.group == Group::None {
        return vec![Section { name: None, items: order.to_vec() }];
    }
    let mut sections: Vec<Section> = Vec::new();
    let mut of_commune = vec![0; model.communes.len()];
    for (c, slot) in model.communes.iter().zip(of_commune.iter_mut()) {
        let name = c.group_name(model.group).map(str::trim).filter(|n| !n.is_empty());
        *slot = if let Some(i) = sections.iter().position(|s| s.name.as_deref() == name) {
            i
        } else {
            sections.push(Section { name: name.map(str::to_string), items: Vec::new() });
            sections.len() - 1
        };
    }
    for &i in order {
        if let Some(s) = of_commune.get(i).and_then(|&g| sections.get_mut(g)) {
            s.items.push(i);
        }
    }
    sections
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::model_from_json;

    #[test]
    fn mean_and_median_skip_missing_values() {
        let v = [Some(10.0), None, Some(30.0), Some(20.0)];
        assert_eq!(reference(&v, Compare::Mean), Some(20.0));
        assert_eq!(reference(&v, Compare::Median), Some(20.0));
        let even = [Some(4.0), Some(1.0), None, Some(3.0), Some(2.0)];
        assert_eq!(reference(&even, Compare::Median), Some(2.5));
        assert_eq!(reference(&even, Compare::Mean), Some(2.5));
        assert_eq!(reference(&[None, None], Compare::Mean), None);
        assert_eq!(reference(&[], Compare::Median), None);
        assert_eq!(reference(&v, Compare::None), None);
        assert_eq!(reference(&[Some(7.0)], Compare::Median), Some(7.0));
    }

    #[test]
    fn ties_share_the_best_rank() {
        let v = [Some(5.0), Some(9.0), None, Some(5.0), Some(1.0), Some(9.0)];
        let (r, n) = ranks(&v);
        assert_eq!(r, [Some(3), Some(1), None, Some(3), Some(5), Some(1)]);
        assert_eq!(n, 5);
        assert_eq!(ranks(&[None]), (vec![None], 0));
    }

    #[test]
    fn sections_follow_first_appearance_and_keep_the_order_within() {
        let m = model_from_json(
            r#"{"group":"province","communes":[
                {"name":"A","province":"Lai Châu","members":5},
                {"name":"B","province":"Hà Tĩnh","members":9},
                {"name":"C","members":1},
                {"name":"D","province":" Lai Châu ","members":7}]}"#,
        )
        .unwrap();
        // Sorted descending by members: B D A C; sections in the data's order of provinces.
        let s = sections(&m, &[1, 3, 0, 2]);
        let got: Vec<(Option<&str>, &[usize])> = s.iter().map(|s| (s.name.as_deref(), s.items.as_slice())).collect();
        assert_eq!(got, [(Some("Lai Châu"), &[3, 0][..]), (Some("Hà Tĩnh"), &[1][..]), (None, &[2][..])]);
        let flat = model_from_json(r#"{"communes":[{"name":"A","province":"X"}]}"#).unwrap();
        assert_eq!(sections(&flat, &[0]), [Section { name: None, items: vec![0] }]);
    }
}
