//! The prioritisation matrix as pages show it: themes placed by importance
//! × how much those placing them can influence them. Part of the shared kit:
//! a leader group places its checklist's themes in it (Tool 2's meeting),
//! the organisation its plan's chosen themes (Tool 3's qualify step), each
//! with its own words; both draw it with `templates/tools/collab/matrix.html`.

/// A theme's card in the matrix, with where it stands now.
pub struct ThemeCard {
    pub key: String,
    pub title: String,
    /// The quadrant's code, or empty while unplaced.
    pub placed: &'static str,
}

pub struct QuadrantView {
    pub code: &'static str,
    pub title: String,
    pub hint: String,
    pub cards: Vec<ThemeCard>,
}

pub struct MatrixView {
    pub intro: String,
    pub importance: String,
    pub influence: String,
    pub unplaced_title: String,
    pub quadrants: Vec<QuadrantView>,
    pub unplaced: Vec<ThemeCard>,
    /// (code, title) for each card's chooser.
    pub options: Vec<(&'static str, String)>,
}

