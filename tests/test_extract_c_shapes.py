"""C, C++ and CUDA as they are written: every declarator shape, macros the grammar
cannot expand, ``#if`` blocks, C++ headers named ``.h``; each with its exact names."""

from __future__ import annotations

import pytest

from sphinx_repodocs.core.classify import language_for
from sphinx_repodocs.core.cpp_headers import cpp_header
from sphinx_repodocs.core.extract import extract

from .conftest import require_grammar as require

DECLARATORS = """\
Tensor& add_(Tensor& self, const Tensor& other) { return self; }
const T& C::get() const { return x; }
std::ostream& operator<<(std::ostream& os, const X& x) { return os; }
template <> void f<double>(double x) {}
using Alias = std::vector<int>;
Tensor&& move_it(Tensor&& t);
A::operator bool() const { return true; }
A::~A() {}
int (*get_handler(int))(int) { return 0; }
int (*not_a_function)(int);
struct Outer::Inner { int x; };
enum class Color { Red, Green };
typedef struct { int a; } Anon, *PAnon;
typedef void handler_t(int);
bool C::operator ()(int x) const { return x; }
namespace a::b { void nested(); }
"""

DECLARATORS_EXPECTED = {
    ("function", "add_", 1, ""),
    ("method", "C::get", 2, ""),
    ("function", "operator<<", 3, ""),
    ("function", "f", 4, ""),
    ("class", "Alias", 5, "alias"),
    ("function", "move_it", 6, "declaration"),
    ("method", "A::operator bool", 7, ""),
    ("method", "A::~A", 8, ""),
    ("function", "get_handler", 9, ""),
    ("class", "Outer::Inner", 11, "struct"),
    ("class", "Color", 12, "enum"),
    ("constant", "Color::Red", 12, "enumerator"),
    ("constant", "Color::Green", 12, "enumerator"),
    ("class", "Anon", 13, "typedef"),
    ("class", "PAnon", 13, "typedef"),
    ("class", "handler_t", 14, "typedef"),
    ("method", "C::operator()", 15, ""),
    ("namespace", "a", 16, ""),
    ("namespace", "a::b", 16, ""),
    ("function", "a::b::nested", 16, "declaration"),
}

CLASS_MEMBERS = """\
class DB {
 public:
  DB(const DB&) = delete;
  DB& operator=(const DB&) = delete;
  virtual ~DB();
  operator bool() const;
  operator void*() const;
  friend class Foo;
};
void run() {
  struct Local { void m() {} };
  #define INSIDE 1
}
TEST_F(Suite, Case) {
  class Helper { int h(); };
}
"""

CLASS_MEMBERS_EXPECTED = {
    ("class", "DB", 1, "class"),
    ("method", "DB::DB", 3, ""),
    ("method", "DB::operator=", 4, ""),
    ("method", "DB::~DB", 5, "declaration"),
    ("method", "DB::operator bool", 6, "declaration"),
    ("method", "DB::operator void*", 7, "declaration"),
    ("function", "run", 10, ""),
    ("class", "run::Local", 11, "struct"),
    ("method", "run::Local::m", 11, ""),
    ("macro", "INSIDE", 12, ""),
    # TEST_F is a macro's use, not a function; what its body defines counts.
    ("class", "Helper", 15, "class"),
    ("method", "Helper::h", 15, "declaration"),
}

#: Macros the grammar cannot expand, and an ``#if`` inside an initializer list.
MACROS = """\
#define EXPORT __attribute__((visibility("default")))
class EXPORT Cache {
 public:
  Cache() = default;
  int Read() LOCKS_EXCLUDED(mu_) { return count_; }
  void Lock() EXCLUSIVE_LOCK_FUNCTION() { }
  int* const value GUARDED_BY(mu_);
};
EXPORT cache_t* cache_open(const char* name);
class Limiter {
 public:
  Limiter(int n)
      :
#if !defined(NDEBUG)
        max_(n),
#endif
        allowed_(n) {}
  bool Acquire() { return true; }
};
#if 0
void disabled(void) {}
#else
void enabled(void) {}
#endif
"""

MACROS_EXPECTED = {
    ("macro", "EXPORT", 1, ""),
    ("class", "Cache", 2, "class"),
    ("method", "Cache::Cache", 4, ""),
    ("method", "Cache::Read", 5, ""),
    ("method", "Cache::Lock", 6, ""),
    ("function", "cache_open", 9, "declaration"),
    ("class", "Limiter", 10, "class"),
    ("method", "Limiter::Limiter", 12, ""),
    ("method", "Limiter::Acquire", 18, ""),
    ("function", "enabled", 23, ""),
}

CONSTANTS = """\
enum Color { Red, Green = 2 };
enum { kAnonymous = 1 };
constexpr int kMax = 3;
static const char* const kName = "x";
const int kOne = 1;
int not_const = 2;
const char* pointer_to_const = "y";
extern const int declared_elsewhere;
namespace n { constexpr double kPi = 3.14; }
void f() { const int local = 1; }
"""

CONSTANTS_EXPECTED = {
    ("class", "Color", 1, "enum"),
    ("constant", "Red", 1, "enumerator"),
    ("constant", "Green", 1, "enumerator"),
    ("constant", "kAnonymous", 2, "enumerator"),
    ("constant", "kMax", 3, "constexpr"),
    ("constant", "kName", 4, "const"),
    ("constant", "kOne", 5, "const"),
    ("namespace", "n", 9, ""),
    ("constant", "n::kPi", 9, "constexpr"),
    ("function", "f", 10, ""),
}

CUDA = """\
__global__ void kernel(float* x) {}
__device__ inline float helper(float a) { return a; }
template <typename T>
__global__ void templated(T* x);
__host__ __device__ int both(int a) { return a; }
struct __align__(8) SumMax {
  float maxval;
};
"""

CUDA_EXPECTED = {
    ("function", "kernel", 1, "CUDA kernel"),
    ("function", "helper", 2, "__device__"),
    ("function", "templated", 4, "CUDA kernel, declaration"),
    ("function", "both", 5, "__host__ __device__"),
    ("class", "SumMax", 6, "struct"),
}

#: What a body defines that a reader may look up: types (classes, typedefs, aliases),
#: not its variables.
LOCAL_TYPES = """\
void run() {
    typedef tile<16, 8, int> tile_A;
    using tile_B = tile<8, 8, int>;
    struct Local { int x; };
    int not_a_type = 3;
}
"""

LOCAL_TYPES_EXPECTED = {
    ("function", "run", 1, ""),
    ("class", "run::tile_A", 2, "typedef"),
    ("class", "run::tile_B", 3, "alias"),
    ("class", "run::Local", 4, "struct"),
}


def _names(text: str, lexer: str) -> set[tuple[str, str, int, str]]:
    return _read(text, lexer)[1]


def _read(text: str, lexer: str) -> tuple[str, set[tuple[str, str, int, str]]]:
    """The method line and the (kind, qualified name, line, detail) of each name."""
    result = extract(text, f"x.{lexer}", lexer)
    return result.method, {(s.kind, s.qualname, s.line, s.detail) for s in result.symbols}


@pytest.mark.parametrize(
    ("text", "lexer", "expected"),
    [
        (DECLARATORS, "cpp", DECLARATORS_EXPECTED),
        (CLASS_MEMBERS, "cpp", CLASS_MEMBERS_EXPECTED),
        (MACROS, "cpp", MACROS_EXPECTED),
        (CUDA, "cuda", CUDA_EXPECTED),
        (CONSTANTS, "cpp", CONSTANTS_EXPECTED),
        (LOCAL_TYPES, "cuda", LOCAL_TYPES_EXPECTED),
    ],
    ids=["declarators", "class-members", "macros", "cuda", "constants", "local-types"],
)
def test_every_shape_gives_its_exact_names(text, lexer, expected):
    require(lexer)
    assert _names(text, lexer) == expected


def test_the_method_names_the_macros_it_left_out():
    require("cpp")
    result = extract(MACROS, "x.cpp", "cpp")
    assert (
        "with the macros EXCLUSIVE_LOCK_FUNCTION, EXPORT, GUARDED_BY, LOCKS_EXCLUDED left out"
        in (result.method)
    )
    assert "reading the first branch of each #if" in result.method


BRANCHES = """\
int use(int x) {
#ifdef VAX
  int d0;
#else
#define d0 word0(x)
#endif
  return d0;
}
struct limits {
  int low;
};
static const struct limits table = {
  1,
#if WIDE
  2,
#else
  3,
#endif
};
#if WIDE
#define WIDTH 64
#else
#define WIDTH 32
#endif
int after(void) { return WIDTH; }
"""


def test_reading_first_branches_keeps_the_macros_of_the_others():
    """A conditional inside an initializer breaks the parse, so the first branch of each
    ``#if`` is read; the ``#define`` lines of the branches not read (and one inside a
    function's ``#else``) are still definitions of the file."""
    require("c")
    method, names = _read(BRANCHES, "c")
    assert "reading the first branch of each #if" in method
    assert names == {
        ("function", "use", 1, ""),
        ("macro", "d0", 5, ""),
        ("class", "limits", 9, "struct"),
        ("constant", "table", 12, "const"),
        ("macro", "WIDTH", 21, ""),
        ("macro", "WIDTH", 23, ""),
        ("function", "after", 25, ""),
    }


def test_library_macros_around_namespaces_and_declarations():
    """libstdc++'s shapes: a macro after a namespace's name, statement-like macros
    opening and closing it, a macro on a line of its own before a declaration."""
    require("cpp")
    text = (
        "namespace std _GLIBCXX_VISIBILITY(default)\n{\n_GLIBCXX_BEGIN_NAMESPACE_VERSION\n"
        "  template<typename _Iter>\n    _GLIBCXX20_CONSTEXPR\n    bool\n"
        "    all_of(_Iter, _Iter);\n_GLIBCXX_END_NAMESPACE_VERSION\n}\n"
    )
    assert _names(text, "cpp") == {
        ("namespace", "std", 1, ""),
        ("function", "std::all_of", 7, "declaration"),
    }


def test_a_macro_broken_c_declaration():
    require("c")
    text = "LIB_API lib_t* lib_open(const char* name);\nLIB_API int lib_close(lib_t* lib);\n"
    assert _names(text, "c") == {
        ("function", "lib_open", 1, "declaration"),
        ("function", "lib_close", 2, "declaration"),
    }


def test_a_typedef_whose_declarator_the_parse_failed_in_is_not_guessed():
    """A word the parser does not know inside a typedef's declarator (a calling
    convention's macro) leaves its name; an error that swallowed more leaves the
    parser's guess, a parameter's name (``target``), which is not listed."""
    require("c")
    text = (
        "typedef int (apientry handler_t) (int code, char *target);\n"
        "typedef void (cdecl *callback_t) (void *ctx);\n"
        "typedef int (a b c (d) e target);\n"
        "typedef int plain_t;\n"
        "typedef int (export callback *twice_t)(int);\n"
    )
    assert _names(text, "c") == {
        ("class", "handler_t", 1, "typedef"),
        ("class", "callback_t", 2, "typedef"),
        ("class", "plain_t", 4, "typedef"),
        ("class", "twice_t", 5, "typedef"),
    }


def test_egl_function_pointer_typedefs():
    """EGL's ``typedef T (EGLAPIENTRYP NAME) (...)``: the parser reads ``T(...)`` as a
    macro with either word as the error; the first word is the macro, the second the
    typedef, whichever way it recovered."""
    require("c")
    text = (
        "#define EGLAPIENTRYP *\n"
        "typedef EGLBoolean (EGLAPIENTRYP PFNEGLCOPYBUFFERSPROC) (EGLDisplay dpy,"
        " EGLSurface surface, EGLNativePixmapType target);\n"
        "typedef EGLint (EGLAPIENTRYP PFNEGLGETERRORPROC) (void);\n"
    )
    method, names = _read(text, "c")
    assert "with the macros EGLAPIENTRYP left out" in method
    assert names == {
        ("macro", "EGLAPIENTRYP", 1, ""),
        ("class", "PFNEGLCOPYBUFFERSPROC", 2, "typedef"),
        ("class", "PFNEGLGETERRORPROC", 3, "typedef"),
    }


def test_if_0_in_a_body_is_skipped_as_at_the_top():
    require("c")
    text = "void f(void) {\n#if 0\n#define HIDDEN 1\n#else\n#define SHOWN 1\n#endif\n}\n"
    assert _names(text, "c") == {("function", "f", 1, ""), ("macro", "SHOWN", 5, "")}


def test_a_macro_that_shows_only_once_another_is_left_out():
    """OpenGL's ``GLAPI T * GLAPIENTRY f(...)``: the first parse suspects GLAPI alone,
    and without it ``void GLAPIENTRY f(void)`` reads as a variable, fewer names; the
    parse is judged with GLAPIENTRY left out too."""
    require("c")
    text = (
        "GLAPI const GLubyte * GLAPIENTRY glGetString( GLenum name );\n"
        "GLAPI void GLAPIENTRY glFinish( void );\nGLAPI void GLAPIENTRY glFlush( void );\n"
        "GLAPI void GLAPIENTRY glClear( GLbitfield mask );\n"
    )
    method, names = _read(text, "c")
    assert "with the macros GLAPI, GLAPIENTRY left out" in method
    assert names == {
        ("function", "glGetString", 1, "declaration"),
        ("function", "glFinish", 2, "declaration"),
        ("function", "glFlush", 3, "declaration"),
        ("function", "glClear", 4, "declaration"),
    }


def test_glibc_declarations_between_statement_like_macros():
    """glibc's shapes: ``__BEGIN_DECLS`` alone on a line (a statement missing its
    ``;`` to the parser), ``__THROW __nonnull ((1)) __wur`` after the parameters
    (where no type can stand, so lowercase reserved names count); a name tested by
    ``#ifdef`` is not a macro to leave out."""
    require("c")
    text = (
        "#include <features.h>\n\n__BEGIN_DECLS\n\n#ifdef __USE_GNU\n"
        "extern int euidaccess (const char *__name, int __type) __THROW;\n#endif\n"
        "extern int access (const char *__name, int __type) __THROW;\n"
        "extern int dup (int __fd) __THROW;\n"
        "extern int chdir (const char *__path) __THROW __nonnull ((1)) __wur;\n\n__END_DECLS\n"
    )
    method, names = _read(text, "c")
    assert (
        "with the macros __BEGIN_DECLS, __END_DECLS, __THROW, __nonnull, __wur left out" in method
    )
    assert names == {
        ("function", "euidaccess", 6, "declaration"),
        ("function", "access", 8, "declaration"),
        ("function", "dup", 9, "declaration"),
        ("function", "chdir", 10, "declaration"),
    }


def test_types_taken_for_macros_are_kept_when_leaving_them_out_reads_worse():
    """OpenSSL's shapes: ``OSSL_NODISCARD`` and ``OSSL_DEPRECATEDIN_3_0`` are macros, but the
    all-caps ``SSL_CTX`` in a broken line is suspected too; without it the parse is
    worse, so it is kept where the parser reads it as a parameter's type."""
    require("c")
    text = (
        "typedef struct ssl_ctx_st SSL_CTX;\n"
        "OSSL_DEPRECATEDIN_3_0 OSSL_NODISCARD int SSL_CTX_SRP_CTX_init(SSL_CTX *ctx);\n"
        "OSSL_DEPRECATEDIN_3_0 int SSL_CTX_SRP_CTX_free(SSL_CTX *ctx);\n"
        "OSSL_NODISCARD int SSL_CTX_set_alpn_protos(SSL_CTX *ctx, const unsigned char *protos);\n"
        "OSSL_NODISCARD SSL_CTX *SSL_CTX_new(const SSL_METHOD *meth);\n"
        "void SSL_CTX_free(SSL_CTX *);\n"
    )
    method, names = _read(text, "c")
    functions = {name for kind, name, _line, _detail in names if kind == "function"}
    assert functions == {
        "SSL_CTX_SRP_CTX_init",
        "SSL_CTX_SRP_CTX_free",
        "SSL_CTX_set_alpn_protos",
        "SSL_CTX_new",
        "SSL_CTX_free",
    }
    assert "OSSL_DEPRECATEDIN_3_0" in method and "SSL_CTX," not in method


def test_names_a_macro_makes_are_left_out():
    """X11's ``TRANS(Name)`` names functions and tables by a macro's call: what the
    compiler sees is not written, so neither is listed (ctags lists ``TRANS``)."""
    require("c")
    text = (
        "static int TRANS(LocalConnect)(int fd) { return fd; }\n"
        "Xtransport TRANS(LocalFuncs) = { 0, 1 };\n"
        "int real(int fd);\n"
    )
    assert _names(text, "c") == {("function", "real", 3, "declaration")}


def test_a_macro_body_read_as_code_is_no_definition():
    """In an error's recovery the parser can read a ``#define``'s continued lines as a
    declaration (reduced from OpenSSL's asn1.h): nothing starting on a directive line
    is a definition."""
    require("c")
    text = (
        "DECLARE_ASN1_FUNCTIONS(ASN1_NULL)\n"
        "DECLARE_ASN1_FUNCTIONS(ASN1_BMPSTRING)\n"
        "int UTF8_getc(const unsigned char *str, int len, unsigned long *val);\n"
        "#define ASN1_d2i_bio_of(type, xnew, d2i, in, x)       \\\n"
        "    ((type *)ASN1_d2i_bio(CHECKED_NEW_OF(type, xnew), \\\n"
        "        CHECKED_PPTR_OF(type, x)))\n"
        "    OSSL_LIB_CTX *libctx, const char *propq);\n"
    )
    functions = {name for kind, name, _line, _detail in _names(text, "c") if kind == "function"}
    assert functions == {"UTF8_getc"}


def test_a_define_is_named_by_its_line_whatever_its_value_holds():
    """tree-sitter-c reads ``#define A (B /* 2 */ | C)`` as defining ``C``
    (OpenSSL's err.h has a hundred such lines); the name is the word after define."""
    require("c")
    text = (
        "#define ERR_R_SYS_LIB (ERR_LIB_SYS /* 2 */ | ERR_RFLAG_COMMON)\n  # define F(x) x\n"
        "#define \\\n  CONTINUED 1\n#define/**/COMMENTED 2\n"  # the grammar's name, then
    )
    assert _names(text, "c") == {
        ("macro", "ERR_R_SYS_LIB", 1, ""),
        ("macro", "F", 2, ""),
        ("macro", "CONTINUED", 3, ""),
        ("macro", "COMMENTED", 5, ""),
    }


def test_an_out_of_class_member_is_at_its_name_s_line():
    """libstdc++ writes the class and the member's name on lines of their own; the
    definition is where its name is (as ctags and a reader look for it)."""
    require("cpp")
    text = "template <typename K>\n  auto\n  Map<K>::\n  operator[](K k)\n  -> V& { return v; }\n"
    assert _names(text, "cpp") == {("method", "Map::operator[]", 4, "")}


def test_an_unnamed_enum_with_a_base_type_is_unnamed():
    """``enum : uint32_t {`` (LLVM): the grammar gives it a missing name; its
    enumerators are the class's, and no type without a name is listed."""
    require("cpp")
    text = "class A {\n  enum : uint32_t {\n    B = 1\n  };\n};\n"
    assert _names(text, "cpp") == {
        ("class", "A", 1, "class"),
        ("constant", "A::B", 3, "enumerator"),
    }


def test_an_all_caps_type_is_not_taken_for_a_macro():
    """``HANDLE WINAPI f()``: the calling convention is the macro, the type stays."""
    require("c")
    text = "HANDLE WINAPI open_it(int a);\nHANDLE make(void) { return 0; }\n"
    assert _names(text, "c") == {
        ("function", "open_it", 1, "declaration"),
        ("function", "make", 2, ""),
    }


def test_a_parse_with_errors_says_so_even_with_names():
    require("c")
    result = extract("int ok(void) { return 0; }\nint broken( {\n", "x.c", "c")
    assert "ok" in {s.name for s in result.symbols}
    assert result.problem is None
    assert result.partial is not None and result.partial.line == 2


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("a.h", "/* namespace x { */\n#pragma once\nnamespace leveldb {\n", "namespace at line 3"),
        ("a.h", "template <typename T> T twice(T x);\n", "template at line 1"),
        ("a.h", "class Shape : public Base {\n", "class at line 1"),
        ("a.h", '#ifdef __cplusplus\nextern "C++" {\n', 'extern "C++" at line 2'),
        ("a.h", "int f(void);\n// class comment {\n", None),
        ("a.inl", "int f();\n", "the .inl suffix of C++ inline code"),
        ("ops.def", "#ifndef OP\n#define OP(x)\n#endif\nOP(add)\n", "a .def file of C code"),
        ("scene.inc", '#declare Red = 1;\n#include "colors.inc"\n', None),
        ("x.inc", "#define X 1\nnamespace a {\n", "a .inc file with C++ constructs"),
        ("a.c", "namespace x {\n", None),
    ],
)
def test_a_header_is_cpp_when_it_has_cpp_constructs(name, text, expected):
    found = cpp_header(name, language_for(name), text)
    if expected is None:
        assert found is None
    else:
        lexer = "c" if "C code" in expected else "cpp"
        assert found is not None and found[0].lexer == lexer and expected in found[1]


def test_pages_say_which_grammar_ran_and_where_the_parse_failed(repo_factory, build):
    """A C++ header named .h is highlighted and parsed as C++, and its page says why;
    a file whose parse recovered from errors says where, beside the names it found."""
    from .conftest import BASIC_REPO, file_page_html
    from .html_tree import page_content

    require("cpp")
    srcdir = repo_factory(
        {
            **BASIC_REPO,
            "include/shape.h": "#pragma once\nnamespace geo {\nclass Shape {};\n}\n",
            "src/broken.c": "int ok(void) { return 0; }\nint broken( {\n",
        }
    )
    app = build(srcdir)
    header = page_content(file_page_html(app, "include/shape.h"))
    assert header.find("p", class_="repodocs-summary").text().startswith("C++ · 4 lines")
    method = header.titled("Symbols").find("p", class_="repodocs-method").text()
    assert "tree-sitter (tree-sitter-cpp), as C++: a .h file with C++ constructs" in method
    broken = page_content(file_page_html(app, "src/broken.c")).titled("Symbols")
    note = broken.find("p", class_="repodocs-note")
    assert note.text().startswith("The parse has errors at line 2") and note.hrefs() == ["#L-2"]
    assert broken.find("table").link("#ok").text() == "ok"  # the name, to its definition
