//! The PyO3 module `newsgraph._newsgraph`: converts Python strings, mappings and Arrow
//! record batches into [`Article`]s, runs the engine with the GIL released, and hands back the
//! wire record (as Python objects) or the five tables (as pyarrow record batches, through the
//! Arrow C data interface). It holds no analysis logic; the Python package (`python/newsgraph`)
//! wraps it with docstrings and types.

use crate::{analyze_articles, Article, ArticleError, Options, MAX_DOCUMENT_BYTES};
use arrow_array::cast::AsArray;
use arrow_array::{Array, RecordBatch};
use arrow_pyarrow::{FromPyArrow, ToPyArrow};
use arrow_schema::DataType;
use newsgraph_model::wire;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use serde_json::{Map, Value};

fn value_error(e: ArticleError) -> PyErr {
    PyValueError::new_err(e.to_string())
}

fn type_name(value: &Bound<'_, PyAny>) -> String {
    value.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "object".into())
}

/// A Python `str` as Rust text, with the errors the package promises: `None` and non-strings
/// are `TypeError`s, lone surrogates and texts over the limit are `ValueError`s.
fn text_of(value: &Bound<'_, PyAny>, what: &str, max_bytes: usize) -> PyResult<String> {
    if value.is_none() {
        return Err(PyTypeError::new_err(format!("{what} must be str, not None")));
    }
    let Ok(s) = value.cast::<PyString>() else {
        return Err(PyTypeError::new_err(format!("{what} must be str, not {}", type_name(value))));
    };
    // A string of more characters than the byte limit cannot fit: refuse it before encoding.
    let chars = s.len()?;
    if chars > max_bytes {
        return Err(PyValueError::new_err(format!(
            "{what} has {chars} characters, more than the limit of {max_bytes} bytes (max_bytes)"
        )));
    }
    match s.to_cow() {
        Ok(text) => Ok(text.into_owned()),
        Err(e) => Err(PyValueError::new_err(format!(
            "{what} is not valid Unicode ({}); clean it first, e.g. \
             text.encode('utf-8', 'replace').decode('utf-8')",
            e.value(value.py())
        ))),
    }
}

fn optional_text(value: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Option<String>> {
    match value {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => text_of(v, what, usize::MAX).map(Some),
    }
}

fn authors_of(value: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Vec<String>> {
    match value {
        None => Ok(Vec::new()),
        Some(v) if v.is_none() => Ok(Vec::new()),
        Some(v) if v.is_instance_of::<PyString>() => Ok(vec![text_of(v, what, usize::MAX)?]),
        Some(v) => {
            let mut out = Vec::new();
            for (i, item) in v.try_iter()?.enumerate() {
                out.push(text_of(&item?, &format!("{what}[{i}]"), usize::MAX)?);
            }
            Ok(out)
        }
    }
}

/// Extra metadata: anything `json.dumps` accepts.
fn meta_of(value: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Map<String, Value>> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(Map::new());
    };
    if !value.is_instance_of::<PyDict>() {
        return Err(PyTypeError::new_err(format!("{what} must be a dict, not {}", type_name(value))));
    }
    let json = value.py().import("json")?.call_method1("dumps", (value,))?;
    let json = text_of(&json, what, usize::MAX)?;
    match serde_json::from_str(&json) {
        Ok(Value::Object(map)) => Ok(map),
        _ => Err(PyValueError::new_err(format!("{what} could not be read as a JSON object"))),
    }
}

/// One article from keyword values (`analyze`) or a mapping's items (`analyze_batch`).
struct Fields<'a, 'py> {
    id: Option<&'a Bound<'py, PyAny>>,
    url: Option<&'a Bound<'py, PyAny>>,
    title: Option<&'a Bound<'py, PyAny>>,
    published: Option<&'a Bound<'py, PyAny>>,
    outlet: Option<&'a Bound<'py, PyAny>>,
    authors: Option<&'a Bound<'py, PyAny>>,
    language: Option<&'a Bound<'py, PyAny>>,
    meta: Option<&'a Bound<'py, PyAny>>,
}

impl Fields<'_, '_> {
    fn article(&self, text: String, default_id: String, what: &str) -> PyResult<Article> {
        Ok(Article {
            id: optional_text(self.id, &format!("{what}id"))?.unwrap_or(default_id),
            text,
            url: optional_text(self.url, &format!("{what}url"))?,
            title: optional_text(self.title, &format!("{what}title"))?,
            published: optional_text(self.published, &format!("{what}published"))?,
            outlet: optional_text(self.outlet, &format!("{what}outlet"))?,
            authors: authors_of(self.authors, &format!("{what}authors"))?,
            language: optional_text(self.language, &format!("{what}language"))?,
            meta: meta_of(self.meta, &format!("{what}meta"))?,
        })
    }
}

/// Analyse one article; returns the `newsgraph/1` wire record as Python objects.
#[pyfunction]
#[pyo3(signature = (
    text, *, id=None, url=None, title=None, published=None, outlet=None, authors=None,
    language=None, meta=None, origin=None, sentences=false, tokens=false, clean=true,
    max_bytes=MAX_DOCUMENT_BYTES
))]
#[allow(clippy::too_many_arguments)]
fn analyze<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    id: Option<&Bound<'py, PyAny>>,
    url: Option<&Bound<'py, PyAny>>,
    title: Option<&Bound<'py, PyAny>>,
    published: Option<&Bound<'py, PyAny>>,
    outlet: Option<&Bound<'py, PyAny>>,
    authors: Option<&Bound<'py, PyAny>>,
    language: Option<&Bound<'py, PyAny>>,
    meta: Option<&Bound<'py, PyAny>>,
    origin: Option<&Bound<'py, PyAny>>,
    sentences: bool,
    tokens: bool,
    clean: bool,
    max_bytes: usize,
) -> PyResult<Bound<'py, PyAny>> {
    let text = text_of(text, "text", max_bytes)?;
    let fields = Fields { id, url, title, published, outlet, authors, language, meta };
    let article = fields.article(text, "-".into(), "")?;
    let origin = optional_text(origin, "origin")?;
    let options = Options { clean, max_bytes, threads: Some(1) };
    let line = py.detach(move || -> Result<String, ArticleError> {
        let mut docs = analyze_articles(std::slice::from_ref(&article), &options)?;
        let mut doc = docs.remove(0);
        doc.meta.origin = origin;
        let record = wire::Record::from_document(&doc, wire::Options { sentences, tokens });
        Ok(record.to_json_line())
    });
    let line = line.map_err(value_error)?;
    py.import("json")?.call_method1("loads", (line,))
}

fn tables_to_python<'py>(
    py: Python<'py>,
    articles: Vec<Article>,
    options: Options,
) -> PyResult<Bound<'py, PyDict>> {
    let tables = py.detach(move || -> Result<newsgraph_tables::Tables, String> {
        let docs = analyze_articles(&articles, &options).map_err(|e| e.to_string())?;
        drop(articles);
        newsgraph_tables::record_batches(&docs).map_err(|e| e.to_string())
    });
    let tables = tables.map_err(PyValueError::new_err)?;
    let out = PyDict::new(py);
    for (name, batch) in tables.named() {
        out.set_item(name, batch.to_pyarrow(py)?)?;
    }
    Ok(out)
}

/// Analyse a list of `str` or mappings; returns the five tables as pyarrow record batches.
#[pyfunction]
#[pyo3(signature = (documents, *, clean=true, max_bytes=MAX_DOCUMENT_BYTES, threads=None))]
fn analyze_list<'py>(
    py: Python<'py>,
    documents: &Bound<'py, PyAny>,
    clean: bool,
    max_bytes: usize,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyDict>> {
    let mut articles = Vec::new();
    for (i, item) in documents.try_iter()?.enumerate() {
        let item = item?;
        let what = format!("documents[{i}]");
        if item.is_instance_of::<PyString>() || item.is_none() {
            articles.push(Article::new(i.to_string(), text_of(&item, &what, max_bytes)?));
            continue;
        }
        let Ok(map) = item.cast::<pyo3::types::PyMapping>() else {
            return Err(PyTypeError::new_err(format!(
                "{what} must be str or a mapping with a 'text' key, not {}",
                type_name(&item)
            )));
        };
        let get = |key: &str| -> PyResult<Option<Bound<'py, PyAny>>> {
            if map.contains(key)? {
                Ok(Some(map.get_item(key)?))
            } else {
                Ok(None)
            }
        };
        let Some(text) = get("text")? else {
            return Err(PyValueError::new_err(format!("{what} has no 'text' key")));
        };
        let text = text_of(&text, &format!("{what}['text']"), max_bytes)?;
        let values = [
            get("id")?,
            get("url")?,
            get("title")?,
            get("published")?,
            get("outlet")?,
            get("authors")?,
            get("language")?,
            get("meta")?,
        ];
        let [id, url, title, published, outlet, authors, language, meta] = &values;
        let fields = Fields {
            id: id.as_ref(),
            url: url.as_ref(),
            title: title.as_ref(),
            published: published.as_ref(),
            outlet: outlet.as_ref(),
            authors: authors.as_ref(),
            language: language.as_ref(),
            meta: meta.as_ref(),
        };
        articles.push(fields.article(text, i.to_string(), &format!("{what}['"))?);
    }
    tables_to_python(py, articles, Options { clean, max_bytes, threads })
}

/// A string column of an Arrow batch, read row by row whatever its string layout.
fn string_column(batch: &RecordBatch, name: &str) -> PyResult<Option<Vec<Option<String>>>> {
    let Some(column) = batch.column_by_name(name) else {
        return Ok(None);
    };
    let values: Vec<Option<String>> = match column.data_type() {
        DataType::Utf8 => column.as_string::<i32>().iter().map(|v| v.map(str::to_string)).collect(),
        DataType::LargeUtf8 => column.as_string::<i64>().iter().map(|v| v.map(str::to_string)).collect(),
        DataType::Utf8View => column.as_string_view().iter().map(|v| v.map(str::to_string)).collect(),
        DataType::Null => vec![None; column.len()],
        DataType::Date32 if name == "date" => {
            let days = column.as_primitive::<arrow_array::types::Date32Type>();
            days.iter().map(|d| d.and_then(iso_day)).collect()
        }
        other => {
            return Err(PyTypeError::new_err(format!("column `{name}` has type {other}; expected strings")))
        }
    };
    Ok(Some(values))
}

/// `YYYY-MM-DD` of a day count since 1970-01-01 (proleptic Gregorian).
fn iso_day(days: i32) -> Option<String> {
    let z = i64::from(days) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (0..=9999).contains(&year).then(|| format!("{year:04}-{month:02}-{day:02}"))
}

fn authors_column(batch: &RecordBatch) -> PyResult<Option<Vec<Vec<String>>>> {
    let Some(column) = batch.column_by_name("authors") else {
        return Ok(string_column(batch, "author")?
            .map(|values| values.into_iter().map(|v| v.into_iter().collect()).collect()));
    };
    let lists = match column.data_type() {
        DataType::List(field) if matches!(field.data_type(), DataType::Utf8) => column.as_list::<i32>(),
        other => {
            return Err(PyTypeError::new_err(format!(
                "column `authors` has type {other}; expected list<string>"
            )))
        }
    };
    let mut out = Vec::with_capacity(lists.len());
    for row in lists.iter() {
        let names = row
            .map(|values| values.as_string::<i32>().iter().flatten().map(str::to_string).collect())
            .unwrap_or_default();
        out.push(names);
    }
    Ok(Some(out))
}

/// Analyse the rows of an Arrow record batch (columns `text`, and optionally `id`, `url`,
/// `title`, `published` or `date`, `outlet`, `authors` or `author`, `language`).
#[pyfunction]
#[pyo3(signature = (batch, *, clean=true, max_bytes=MAX_DOCUMENT_BYTES, threads=None))]
fn analyze_arrow<'py>(
    py: Python<'py>,
    batch: &Bound<'py, PyAny>,
    clean: bool,
    max_bytes: usize,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyDict>> {
    let batch = RecordBatch::from_pyarrow_bound(batch)?;
    let Some(texts) = string_column(&batch, "text")? else {
        return Err(PyValueError::new_err("the batch has no `text` column"));
    };
    let column = |name: &str| -> PyResult<Vec<Option<String>>> {
        Ok(string_column(&batch, name)?.unwrap_or_else(|| vec![None; batch.num_rows()]))
    };
    let ids = column("id")?;
    let urls = column("url")?;
    let titles = column("title")?;
    let published = match string_column(&batch, "published")? {
        Some(values) => values,
        None => column("date")?,
    };
    let outlets = column("outlet")?;
    let languages = column("language")?;
    let authors = authors_column(&batch)?.unwrap_or_else(|| vec![Vec::new(); batch.num_rows()]);
    let mut articles = Vec::with_capacity(batch.num_rows());
    for (i, text) in texts.into_iter().enumerate() {
        let id = ids[i].clone().unwrap_or_else(|| i.to_string());
        let Some(text) = text else {
            return Err(PyValueError::new_err(format!("row {i} (`{id}`): text is null")));
        };
        articles.push(Article {
            id,
            text,
            url: urls[i].clone(),
            title: titles[i].clone(),
            published: published[i].clone(),
            outlet: outlets[i].clone(),
            authors: authors[i].clone(),
            language: languages[i].clone(),
            meta: Map::new(),
        });
    }
    tables_to_python(py, articles, Options { clean, max_bytes, threads })
}

/// The five table schemas, as pyarrow schemas.
#[pyfunction]
fn schemas(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    let out = PyDict::new(py);
    let all = [
        ("documents", newsgraph_tables::schema::documents()),
        ("entities", newsgraph_tables::schema::entities()),
        ("quotes", newsgraph_tables::schema::quotes()),
        ("attributions", newsgraph_tables::schema::attributions()),
        ("events", newsgraph_tables::schema::events()),
    ];
    for (name, schema) in all {
        out.set_item(name, schema.as_ref().to_pyarrow(py)?)?;
    }
    Ok(out)
}

/// Names of the pipeline's components, in order.
#[pyfunction]
fn components(py: Python<'_>) -> PyResult<Bound<'_, PyList>> {
    PyList::new(py, crate::engine().components())
}

#[pymodule]
#[pyo3(name = "_newsgraph")]
fn init_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("MAX_DOCUMENT_BYTES", MAX_DOCUMENT_BYTES)?;
    m.add("WIRE_SCHEMA", wire::SCHEMA)?;
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_list, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(schemas, m)?)?;
    m.add_function(wrap_pyfunction!(components, m)?)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::iso_day;

    #[test]
    fn days_are_iso_dates() {
        assert_eq!(iso_day(0).as_deref(), Some("1970-01-01"));
        assert_eq!(iso_day(20_514).as_deref(), Some("2026-03-02"));
        assert_eq!(iso_day(-1).as_deref(), Some("1969-12-31"));
        assert_eq!(iso_day(i32::MAX), None);
    }
}
