//! Import of an organisation's people from a CSV file, as HR exports it from
//! Excel or an HR system: one row per person with name, e-mail, unit, the
//! nearest leader's e-mail and roles.
//!
//! `parse_partial` turns the file into the typed rows that are good and every
//! problem found in the others, each with its physical line number; `sort_out`
//! then checks reporting lines and the unit tree against the organisation and
//! sets aside every row that cannot be imported (and, in turn, rows that lean
//! on a row set aside), so the good rows can be imported while the bad ones
//! are listed to fix (issue 17, item 9). `parse` is the strict form: every
//! row good, or nothing. Nothing here touches the database. A problem in the
//! file as a whole or in its header still refuses the whole file, since no
//! row can be read with confidence then.
//!
//! Accepted column headers (case-insensitive; `_`, `-` and `.` count as
//! spaces, surrounding spaces and a trailing `*` or `:` are ignored):
//!
//! | column | headers | required |
//! | --- | --- | --- |
//! | name | `navn`, `fulde navn`, `fuldt navn`, `name`, `full name` | yes |
//! | e-mail | `e-mail`, `email`, `mail`, `e-mailadresse`, `mailadresse`, `email address` | yes |
//! | unit | `enhed`, `afdeling`, `unit` | no |
//! | nearest leader's e-mail | `nærmeste leder`, `nærmeste leders e-mail`, `nærmeste leder e-mail`, `nærmeste leders mail`, `leder e-mail`, `leders e-mail`, `nearest leader`, `nearest_leader_email`, `nearest leader e-mail`, `leader e-mail` | no |
//! | roles | `roller`, `rolle`, `roles`, `role` | no |
//! | parent unit | `overordnet enhed`, `overenhed`, `hører under`, `parent unit`, `parent` | no |
//!
//! Columns may come in any order. A column with an empty header (Excel adds
//! them after formatted but empty columns) is ignored as long as it holds no values.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use crate::input::{Email, PersonName, UnitName, ValidationError};
use crate::roles::Role;

/// The most data rows one file may hold.
pub const MAX_ROWS: usize = 20_000;

/// One person from the file, fully validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRow {
    /// 1-based physical line number in the file where the row starts.
    pub line: usize,
    pub name: PersonName,
    pub email: Email,
    pub unit: Option<UnitName>,
    /// The unit that `unit` belongs under; `None` leaves the unit where it is.
    pub parent_unit: Option<UnitName>,
    pub nearest_leader_email: Option<Email>,
    /// Never empty: a row without roles gets `[Role::Leader]`. No duplicates.
    pub roles: Vec<Role>,
}

/// A problem on one line, shown as "Linje {line}: {message} ({value})".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// 1-based physical line number in the file (the header is line 1).
    pub line: usize,
    /// Translation key (`server/locales/*/import.ftl`, or `errors.ftl` for the
    /// keys of `crate::input`).
    pub key: &'static str,
    /// The offending text as written in the file, so the user can find it.
    pub value: String,
}

/// Why a file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The file as a whole cannot be read: encoding, empty, too large.
    File(ValidationError),
    /// Problems in the header or the rows, sorted by line.
    Rows(Vec<RowError>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Name,
    Email,
    Unit,
    NearestLeader,
    Roles,
    ParentUnit,
}

impl Column {
    /// Recognises a header after `normalise_header`.
    fn recognise(header: &str) -> Option<Column> {
        let column = match header {
            "navn" | "fulde navn" | "fuldt navn" | "name" | "full name" => Column::Name,
            "email" | "e mail" | "mail" | "emailadresse" | "e mailadresse" | "mailadresse"
            | "email address" | "e mail address" => Column::Email,
            "enhed" | "afdeling" | "unit" => Column::Unit,
            "nærmeste leder"
            | "nærmeste leders e mail"
            | "nærmeste leders email"
            | "nærmeste leders mail"
            | "nærmeste leder e mail"
            | "nærmeste leder email"
            | "leder e mail"
            | "leder email"
            | "leders e mail"
            | "leders email"
            | "nearest leader"
            | "nearest leader email"
            | "nearest leader e mail"
            | "nearest leaders email"
            | "nearest leaders e mail"
            | "leader email"
            | "leader e mail" => Column::NearestLeader,
            "roller" | "rolle" | "roles" | "role" => Column::Roles,
            "overordnet enhed" | "overordnet" | "overenhed" | "hører under" | "parent unit" | "parent" => {
                Column::ParentUnit
            }
            _ => return None,
        };
        Some(column)
    }
}

fn normalise_header(raw: &str) -> String {
    let lowered = raw.trim().trim_end_matches(['*', ':']).to_lowercase();
    let spaced: String = lowered
        .chars()
        .map(|c| if matches!(c, '_' | '-' | '.') { ' ' } else { c })
        .collect();
    let words: Vec<&str> = spaced.split_whitespace().collect();
    // "nærmeste leder's e-mail" and "nearest leader's e-mail" mean the same.
    words.join(" ").replace('\'', "").replace('’', "")
}

/// Where each column sits in a row.
struct Layout {
    width: usize,
    name: usize,
    email: usize,
    unit: Option<usize>,
    nearest_leader: Option<usize>,
    roles: Option<usize>,
    parent_unit: Option<usize>,
    /// Columns with an empty header: ignored, but must hold no values.
    unnamed: Vec<usize>,
}

/// Reads the header; `None` when a required column is missing, since the rows
/// cannot be read then. Unknown and repeated columns are reported but do not
/// stop the rows from being checked, so the user sees every problem at once.
fn read_header(header: &csv::StringRecord, line: usize, errors: &mut Vec<RowError>) -> Option<Layout> {
    let mut found: Vec<(Column, usize)> = Vec::new();
    let mut unnamed = Vec::new();
    for (index, raw) in header.iter().enumerate() {
        let normalised = normalise_header(raw);
        if normalised.is_empty() {
            unnamed.push(index);
            continue;
        }
        match Column::recognise(&normalised) {
            None => errors.push(RowError { line, key: "import-error-unknown-column", value: raw.trim().to_string() }),
            Some(column) if found.iter().any(|(c, _)| *c == column) => {
                errors.push(RowError { line, key: "import-error-duplicate-column", value: raw.trim().to_string() });
            }
            Some(column) => found.push((column, index)),
        }
    }
    let position = |column: Column| found.iter().find(|(c, _)| *c == column).map(|(_, i)| *i);
    let name = position(Column::Name);
    let email = position(Column::Email);
    // The value lists headers in both languages, since it is not translated.
    if name.is_none() {
        errors.push(RowError { line, key: "import-error-missing-column", value: "navn / name".to_string() });
    }
    if email.is_none() {
        errors.push(RowError { line, key: "import-error-missing-column", value: "e-mail".to_string() });
    }
    Some(Layout {
        width: header.len(),
        name: name?,
        email: email?,
        unit: position(Column::Unit),
        nearest_leader: position(Column::NearestLeader),
        roles: position(Column::Roles),
        parent_unit: position(Column::ParentUnit),
        unnamed,
    })
}

/// The rows of a file that can be read, and the problems of the others.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    pub rows: Vec<ImportRow>,
    /// Problems in rows that are not in `rows`, sorted by line.
    pub errors: Vec<RowError>,
    /// The e-mail of each row set aside whose e-mail could be read, and its
    /// line, so a row naming such a person as leader can say why it waits.
    pub set_aside: HashMap<Email, usize>,
}

/// Parses the whole file; either every row is valid or nothing is returned.
pub fn parse(bytes: &[u8]) -> Result<Vec<ImportRow>, ImportError> {
    let parsed = parse_partial(bytes)?;
    if !parsed.errors.is_empty() {
        return Err(ImportError::Rows(parsed.errors));
    }
    Ok(parsed.rows)
}

/// Parses the whole file into its good rows and the problems of the others.
/// A problem with the file itself or its header refuses it all (`Err`).
///
/// The file must be UTF-8 (with or without byte-order mark). The delimiter is
/// taken from the header line: `;` (Danish Excel), `,` or tab, whichever
/// occurs most; an Excel `sep=;` first line is honoured. Blank lines, and
/// lines holding only delimiters, are skipped. Roles are separated by `|`,
/// `+`, `,` or `;` inside the field; an empty field means leader.
pub fn parse_partial(bytes: &[u8]) -> Result<Parsed, ImportError> {
    let text = decode(bytes)?;
    let first_line = text.lines().find(|l| !l.trim().is_empty()).ok_or(file_error("import-error-empty"))?;
    let (delimiter, sep_line) = match sep_directive(first_line) {
        Some(delimiter) => (delimiter, true),
        None => (detect_delimiter(first_line), false),
    };

    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut records = reader
        .records()
        .filter(|r| !matches!(r, Ok(record) if record.iter().all(|f| f.trim().is_empty())));
    if sep_line {
        records.next();
    }

    let mut errors = Vec::new();
    let Some(header) = records.next().transpose().map_err(|_| file_error("import-error-unreadable"))? else {
        return Err(file_error("import-error-empty"));
    };
    let mut lines = LineCounter::new(text);
    let layout = read_header(&header, lines.line_of(&header), &mut errors);
    let header_failed = !errors.is_empty();

    let mut parsed = Parsed::default();
    let mut seen: HashSet<Email> = HashSet::new();
    let mut count = 0;
    for record in records {
        let record = record.map_err(|_| file_error("import-error-unreadable"))?;
        count += 1;
        if count > MAX_ROWS {
            return Err(file_error("import-error-too-many-rows"));
        }
        let Some(layout) = &layout else { continue };
        let line = lines.line_of(&record);
        let row = match read_row(&record, line, layout, &mut errors) {
            Ok(row) => row,
            Err(Some(email)) => {
                parsed.set_aside.entry(email).or_insert(line);
                continue;
            }
            Err(None) => continue,
        };
        if !seen.insert(row.email.clone()) {
            errors.push(RowError { line: row.line, key: "import-error-duplicate-email", value: row.email.as_str().to_string() });
            continue;
        }
        parsed.rows.push(row);
    }

    if count == 0 {
        return Err(file_error("import-error-empty"));
    }
    // Stable: problems on one line stay in column order.
    errors.sort_by_key(|e| e.line);
    if header_failed {
        return Err(ImportError::Rows(errors));
    }
    // A person set aside on one line but good on another is not set aside.
    parsed.set_aside.retain(|email, _| !seen.contains(email));
    parsed.errors = errors;
    Ok(parsed)
}

fn file_error(key: &'static str) -> ImportError {
    ImportError::File(ValidationError::new(key))
}

fn decode(bytes: &[u8]) -> Result<&str, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| file_error("import-error-encoding"))?;
    // UTF-16 without a byte-order mark is valid UTF-8 when the text is plain
    // ASCII, but then every other byte is NUL, which no CSV file holds.
    if text.contains('\0') {
        return Err(file_error("import-error-encoding"));
    }
    Ok(text)
}

/// Excel understands a first line `sep=;` naming the delimiter.
fn sep_directive(line: &str) -> Option<u8> {
    let rest = line.trim().strip_prefix("sep=").or_else(|| line.trim().strip_prefix("SEP="))?;
    match rest {
        ";" => Some(b';'),
        "," => Some(b','),
        "" if line.contains('\t') => Some(b'\t'),
        _ => None,
    }
}

fn detect_delimiter(header: &str) -> u8 {
    let mut best = (b';', header.matches(';').count());
    for candidate in [b',', b'\t'] {
        let count = header.matches(char::from(candidate)).count();
        if count > best.1 {
            best = (candidate, count);
        }
    }
    best.0
}

/// Physical line numbers of records. The csv reader's own positions point at
/// the end of the previous record, before its line break and any blank lines,
/// so the lines are counted here, forward only, as records come in order.
struct LineCounter<'a> {
    text: &'a [u8],
    at: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        Self { text: text.as_bytes(), at: 0, line: 1 }
    }

    fn line_of(&mut self, record: &csv::StringRecord) -> usize {
        let mut start = record.position().map_or(self.at, |p| p.byte() as usize).max(self.at);
        while matches!(self.text.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        for i in self.at..start {
            // "\r\n", "\n" and a lone "\r" each end one line.
            let breaks = self.text[i] == b'\n' || (self.text[i] == b'\r' && self.text.get(i + 1) != Some(&b'\n'));
            self.line += usize::from(breaks);
        }
        self.at = start;
        self.line
    }
}

/// Reads one data row, pushing its problems; `Err` if it has any, with the
/// row's e-mail when that much could be read.
fn read_row(
    record: &csv::StringRecord,
    line: usize,
    layout: &Layout,
    errors: &mut Vec<RowError>,
) -> Result<ImportRow, Option<Email>> {
    if record.len() != layout.width {
        let value = format!("{}/{}", record.len(), layout.width);
        errors.push(RowError { line, key: "import-error-field-count", value });
        return Err(record.get(layout.email).and_then(|raw| Email::parse(raw).ok()));
    }
    let before = errors.len();
    let mut fail = |key: &'static str, raw: &str| errors.push(RowError { line, key, value: raw.trim().to_string() });
    let field = |index: usize| record.get(index).unwrap_or("");
    let optional = |index: Option<usize>| index.map(field).filter(|raw| !raw.trim().is_empty());

    let name = PersonName::parse(field(layout.name)).map_err(|e| fail(e.key, field(layout.name))).ok();
    let email = Email::parse(field(layout.email)).map_err(|e| fail(e.key, field(layout.email))).ok();
    let unit = optional(layout.unit).and_then(|raw| UnitName::parse(raw).map_err(|e| fail(e.key, raw)).ok());
    let parent_unit =
        optional(layout.parent_unit).and_then(|raw| UnitName::parse(raw).map_err(|e| fail(e.key, raw)).ok());
    let nearest_leader_email = optional(layout.nearest_leader)
        .and_then(|raw| Email::parse(raw).map_err(|_| fail("import-error-leader-email-invalid", raw)).ok());
    let mut roles = Vec::new();
    for word in optional(layout.roles).unwrap_or("").split(['|', '+', ',', ';']) {
        if word.trim().is_empty() {
            continue;
        }
        match Role::parse(word) {
            Some(role) if roles.contains(&role) => {}
            Some(role) => roles.push(role),
            None => fail("import-error-role-unknown", word),
        }
    }
    for &index in &layout.unnamed {
        if !field(index).trim().is_empty() {
            fail("import-error-value-without-column", field(index));
        }
    }
    if roles.is_empty() {
        roles.push(Role::Leader);
    }
    if errors.len() > before {
        return Err(email);
    }
    // Both are there: a missing one would have pushed a problem.
    let (Some(name), Some(email)) = (name, email) else { return Err(None) };
    Ok(ImportRow { line, name, email, unit, parent_unit, nearest_leader_email, roles })
}

/// Checks reporting lines against the file and the people already in the organisation:
/// `existing` maps each existing person's e-mail to their current nearest leader's e-mail.
/// Rows in the file override existing people with the same e-mail.
///
/// Reports a nearest leader who is nowhere to be found, a person who is their
/// own nearest leader, and every file row on a cycle of nearest leaders (with
/// the cycle as value). Sorted by line.
pub fn check_references(rows: &[ImportRow], existing: &HashMap<Email, Option<Email>>) -> Vec<RowError> {
    let mut leader_of: HashMap<&Email, Option<&Email>> =
        existing.iter().map(|(person, leader)| (person, leader.as_ref())).collect();
    for row in rows {
        leader_of.insert(&row.email, row.nearest_leader_email.as_ref());
    }

    let mut errors = Vec::new();
    for row in rows {
        let Some(leader) = &row.nearest_leader_email else { continue };
        let value = leader.as_str().to_string();
        if *leader == row.email {
            errors.push(RowError { line: row.line, key: "import-error-leader-self", value });
        } else if !leader_of.contains_key(leader) {
            errors.push(RowError { line: row.line, key: "import-error-leader-unknown", value });
        }
    }

    let on_cycle = cycle_members(&leader_of);
    for row in rows {
        let own_leader = row.nearest_leader_email.as_ref() == Some(&row.email);
        if on_cycle.contains(&row.email) && !own_leader {
            let value = describe_cycle(&row.email, &leader_of);
            errors.push(RowError { line: row.line, key: "import-error-leader-cycle", value });
        }
    }
    errors.sort_by_key(|e| e.line);
    errors
}

/// Everyone on a cycle of nearest leaders. Each person has at most one
/// nearest leader, so one walk per person, never revisiting, finds them all.
/// The same holds for units and their parents.
fn cycle_members<'a, T: Eq + Hash>(leader_of: &HashMap<&'a T, Option<&'a T>>) -> HashSet<&'a T> {
    #[derive(PartialEq)]
    enum Seen {
        OnThisWalk,
        Done,
    }
    let mut seen: HashMap<&T, Seen> = HashMap::new();
    let mut on_cycle = HashSet::new();
    for &start in leader_of.keys() {
        let mut walk = Vec::new();
        let mut current = Some(start);
        while let Some(person) = current {
            match seen.get(person) {
                Some(Seen::Done) => break,
                Some(Seen::OnThisWalk) => {
                    let from = walk.iter().position(|p| *p == person).unwrap_or(0);
                    on_cycle.extend(walk[from..].iter().copied());
                    break;
                }
                None => {}
            }
            seen.insert(person, Seen::OnThisWalk);
            walk.push(person);
            current = leader_of.get(person).copied().flatten();
        }
        for person in walk {
            seen.insert(person, Seen::Done);
        }
    }
    on_cycle
}

/// "a@x.dk → b@x.dk → a@x.dk", shortened for long cycles.
fn describe_cycle(start: &Email, leader_of: &HashMap<&Email, Option<&Email>>) -> String {
    describe_chain(start, leader_of, |e| e.as_str().to_string())
}

fn describe_chain<'a, T: Eq + Hash>(
    start: &'a T,
    leader_of: &HashMap<&'a T, Option<&'a T>>,
    name: impl Fn(&T) -> String,
) -> String {
    const SHOWN: usize = 8;
    let mut chain = vec![name(start)];
    let mut current = leader_of.get(start).copied().flatten();
    while let Some(person) = current {
        if chain.len() > SHOWN {
            chain.push("…".to_string());
            break;
        }
        chain.push(name(person));
        if person == start {
            break;
        }
        current = leader_of.get(person).copied().flatten();
    }
    chain.join(" → ")
}

/// A unit the organisation has: its name as stored and its parent's name,
/// both lower-cased for matching (`UnitName`s match regardless of case).
pub type ExistingUnits = HashMap<String, Option<String>>;

/// Checks where each row puts its unit in the tree, against the units in
/// the file and those the organisation has (`existing`, lower-cased name →
/// lower-cased parent). A parent must be a unit the organisation has or one
/// some row of the file is in, so a misspelt parent is an error and not a
/// new, stray unit. The first row giving a unit a parent decides it; a row
/// giving it another is an error, as is every row that closes a ring.
pub fn check_units(rows: &[ImportRow], existing: &ExistingUnits) -> Vec<RowError> {
    let lower = |u: &UnitName| u.as_str().to_lowercase();
    let in_file: HashSet<String> = rows.iter().filter_map(|r| r.unit.as_ref().map(lower)).collect();
    // Each unit as the file first spells it, for the messages.
    let mut spelling: HashMap<String, &str> = HashMap::new();
    for unit in rows.iter().flat_map(|r| r.unit.iter().chain(r.parent_unit.iter())) {
        spelling.entry(lower(unit)).or_insert(unit.as_str());
    }
    let mut errors = Vec::new();
    // unit → (parent, line), as the file first gives it.
    let mut declared: HashMap<String, (String, usize)> = HashMap::new();
    for row in rows {
        let Some(parent) = &row.parent_unit else { continue };
        let value = parent.as_str().to_string();
        let error = match &row.unit {
            None => Some("import-error-parent-without-unit"),
            Some(unit) if lower(unit) == lower(parent) => Some("import-error-parent-self"),
            Some(unit) => {
                let p = lower(parent);
                if !existing.contains_key(&p) && !in_file.contains(&p) {
                    Some("import-error-parent-unknown")
                } else {
                    match declared.get(&lower(unit)) {
                        Some((other, _)) if *other != p => Some("import-error-parent-conflict"),
                        Some(_) => None,
                        None => {
                            declared.insert(lower(unit), (p, row.line));
                            None
                        }
                    }
                }
            }
        };
        if let Some(key) = error {
            errors.push(RowError { line: row.line, key, value });
        }
    }
    // The tree as it would be: the organisation's, with the file's parents over it.
    let mut parent_of: HashMap<&String, Option<&String>> =
        existing.iter().map(|(unit, parent)| (unit, parent.as_ref())).collect();
    for unit in &in_file {
        parent_of.entry(unit).or_insert(None);
    }
    for (unit, (parent, _)) in &declared {
        parent_of.insert(unit, Some(parent));
    }
    let on_cycle = cycle_members(&parent_of);
    for row in rows {
        let (Some(unit), Some(_)) = (&row.unit, &row.parent_unit) else { continue };
        let unit = lower(unit);
        if declared.get(&unit).is_some_and(|(_, line)| *line == row.line) && on_cycle.contains(&unit) {
            let value = describe_chain(&unit, &parent_of, |u| spelling.get(u).map_or_else(|| u.clone(), |s| s.to_string()));
            errors.push(RowError { line: row.line, key: "import-error-parent-cycle", value });
        }
    }
    errors.sort_by_key(|e| e.line);
    errors
}

/// The rows that can be imported and the problems of those that cannot,
/// after `parse_partial`: reporting lines (`check_references`) and the unit
/// tree (`check_units`) are checked again and again without the rows set
/// aside, since a row whose leader or parent unit was only in a row set
/// aside cannot go in either. The problems come sorted by line, the
/// parser's with them.
pub fn sort_out(parsed: Parsed, people: &HashMap<Email, Option<Email>>, units: &ExistingUnits) -> (Vec<ImportRow>, Vec<RowError>) {
    let Parsed { mut rows, mut errors, mut set_aside } = parsed;
    loop {
        let mut found = check_references(&rows, people);
        found.extend(check_units(&rows, units));
        if found.is_empty() {
            break;
        }
        for e in &mut found {
            // A leader left out of the import is not unknown: their line has a problem.
            if e.key == "import-error-leader-unknown"
                && let Ok(leader) = Email::parse(&e.value)
                && set_aside.contains_key(&leader)
            {
                e.key = "import-error-leader-set-aside";
            }
        }
        let bad: HashSet<usize> = found.iter().map(|e| e.line).collect();
        rows.retain(|row| {
            let keep = !bad.contains(&row.line);
            if !keep {
                set_aside.entry(row.email.clone()).or_insert(row.line);
            }
            keep
        });
        errors.extend(found);
    }
    errors.sort_by_key(|e| e.line);
    (rows, errors)
}

#[cfg(test)]
mod tests;
