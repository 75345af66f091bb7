//! TEMPORARY stand-in for crate::compare while it is being written.
pub use strsim::{damerau_levenshtein, jaro_winkler};

#[derive(Debug, Clone)]
pub struct PreparedName {
    tokens: Vec<String>,
    key: String,
}

impl PreparedName {
    pub fn new(s: &str) -> Option<PreparedName> {
        let folded = crate::text::fold_width(s).to_lowercase();
        let mut tokens: Vec<String> = Vec::new();
        let mut cur = String::new();
        for c in folded.chars() {
            if crate::name::is_cjk(c) {
                if !cur.is_empty() {
                    tokens.push(std::mem::take(&mut cur));
                }
                tokens.push(c.to_string());
            } else if c.is_alphanumeric() {
                cur.push(c);
            } else if !cur.is_empty() {
                tokens.push(std::mem::take(&mut cur));
            }
        }
        if !cur.is_empty() {
            tokens.push(cur);
        }
        if tokens.is_empty() {
            return None;
        }
        let mut sorted = tokens.clone();
        sorted.sort();
        Some(PreparedName { key: sorted.join(" "), tokens })
    }
    pub fn tokens(&self) -> &[String] {
        &self.tokens
    }
    pub fn key(&self) -> &str {
        &self.key
    }
    pub fn phonetic_key(&self) -> &str {
        ""
    }
    pub fn similarity(&self, other: &PreparedName) -> f64 {
        jaro_winkler(&self.key, &other.key)
    }
}
