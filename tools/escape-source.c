/* escape-source: the source text at the locations escape's remarks name.
 *
 *   escape-source SOURCE [[-w] LOC | -p FUNCTION]... [-- COMPILE-FLAGS...]
 *
 * Parses SOURCE with libclang (the C API, clang-c/Index.h) under COMPILE-FLAGS
 * (the compiler's flags without the compiler, the inputs and -o) and prints,
 * for each LOC in the order given, one line
 *
 *   LOC <TAB> TEXT
 *
 * LOC is LINE:COL in SOURCE, or FILE:LINE:COL in any file SOURCE includes.
 * TEXT is the call or new-expression written there (`malloc(sizeof *node)`,
 * `new Node(x)`); for a LOC preceded by -w, the statement or expression where
 * a pointer escapes (`return label`, `last_seen = cell`, `keep(p)`). Runs of
 * white space in TEXT become one space; TEXT is empty when nothing fits.
 *
 * For -p FUNCTION (a function's name, for C++ its mangled name, as the IR has
 * it), TEXT lists the parameters of its definition, `NAME@FILE:LINE:COL` each
 * (NAME `?` when unnamed), separated by spaces, led by `+` for a member
 * function whose IR takes `this` first: what escape-cc names parameter
 * verdicts by when the remarks have no debug variables (no -g).
 *
 * scripts/escape-cc runs it to show allocations as the source has them rather
 * than as the IR has them (`malloc(16)`). Remarks carry debug locations, which
 * are macro expansion points, so LOCs and extents are compared as expansion
 * locations: an allocation made by a macro reads as the macro's invocation.
 *
 * Exit status: 0; 1 when SOURCE cannot be parsed; 2 on a usage error.
 */
#include <clang-c/Index.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TEXT_MAX 160 /* longer texts are cut, ending in "..." */

typedef struct Query {
  CXFile file;     /* where the location is */
  unsigned offset; /* its byte offset in file */
  int escape;      /* -w: want an escape point, not an allocation */
  CXCursor best;   /* innermost fitting cursor whose extent holds the location */
  int found;
} Query;

/* The extent of c as byte offsets [*b, *e) in one file, in expansion
 * locations. 0 when the extent is invalid or spans files. */
static int extent_of(CXCursor c, CXFile *f, unsigned *b, unsigned *e) {
  CXSourceRange r = clang_getCursorExtent(c);
  CXFile fb = NULL, fe = NULL;
  unsigned ob = 0, oe = 0;
  if (clang_Range_isNull(r))
    return 0;
  clang_getExpansionLocation(clang_getRangeStart(r), &fb, NULL, NULL, &ob);
  clang_getExpansionLocation(clang_getRangeEnd(r), &fe, NULL, NULL, &oe);
  if (!fb || !fe || !clang_File_isEqual(fb, fe) || oe < ob)
    return 0;
  *f = fb;
  *b = ob;
  *e = oe;
  return 1;
}

/* An allocation is a call (malloc, calloc, operator new called by name, a
 * constructor) or a new-expression. */
static int is_allocation(CXCursor c) {
  enum CXCursorKind k = clang_getCursorKind(c);
  return k == CXCursor_CallExpr || k == CXCursor_CXXNewExpr;
}

/* Where a pointer leaves: a return, an assignment, a call, a cast (to an
 * integer), a throw. */
static int is_escape_point(CXCursor c) {
  switch (clang_getCursorKind(c)) {
  case CXCursor_ReturnStmt:
  case CXCursor_CompoundAssignOperator:
  case CXCursor_CallExpr:
  case CXCursor_CXXNewExpr:
  case CXCursor_CStyleCastExpr:
  case CXCursor_CXXFunctionalCastExpr:
  case CXCursor_CXXReinterpretCastExpr:
  case CXCursor_CXXStaticCastExpr:
  case CXCursor_CXXThrowExpr:
    return 1;
  case CXCursor_BinaryOperator:
    return clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_Assign;
  default:
    return 0;
  }
}

/* Walks down the AST along the cursors whose extent holds the location; the
 * last fitting cursor seen is the innermost. */
static enum CXChildVisitResult visit(CXCursor c, CXCursor parent, CXClientData data) {
  Query *q = data;
  CXFile f;
  unsigned b, e;
  (void)parent;
  if (extent_of(c, &f, &b, &e)) {
    if (!clang_File_isEqual(f, q->file) || q->offset < b || q->offset >= e)
      return CXChildVisit_Continue; /* the location is elsewhere: skip the subtree */
    if (q->escape ? is_escape_point(c) : is_allocation(c)) {
      q->best = c;
      q->found = 1;
    }
  }
  /* An extent libclang cannot place (macro trickery) may still hold the
   * location in its children: look, but do not pick it. */
  return CXChildVisit_Recurse;
}

/* Copies the text of [b, e) of file into out (TEXT_MAX + 1 bytes), one space
 * for each run of white space, cut to TEXT_MAX bytes ending in "...". */
static void text_of(CXTranslationUnit tu, CXFile file, unsigned b, unsigned e, char *out) {
  size_t size = 0, n = 0;
  const char *buf = clang_getFileContents(tu, file, &size);
  int space = 0, cut = 0;
  out[0] = '\0';
  if (!buf || e > size)
    return;
  for (unsigned i = b; i < e; i++) {
    char ch = buf[i];
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v') {
      space = n > 0;
      continue;
    }
    if (n + (space ? 2 : 1) > TEXT_MAX) {
      cut = 1;
      break;
    }
    if (space)
      out[n++] = ' ';
    space = 0;
    out[n++] = ch;
  }
  if (cut) {
    if (n > TEXT_MAX - 3)
      n = TEXT_MAX - 3;
    memcpy(out + n, "...", 3);
    n += 3;
  }
  out[n] = '\0';
}

/* Splits "FILE:LINE:COL" or "LINE:COL" (FILE defaults to source) from the
 * right, so FILE may hold colons. 0 when loc is malformed. */
static int parse_loc(const char *loc, const char *source, char *file, size_t file_size,
                     unsigned *line, unsigned *col) {
  const char *c2 = strrchr(loc, ':');
  const char *c1 = NULL;
  char *end;
  unsigned long l, k;
  if (!c2)
    return 0;
  for (const char *p = c2 - 1; p >= loc; p--)
    if (*p == ':') {
      c1 = p;
      break;
    }
  errno = 0;
  l = strtoul(c1 ? c1 + 1 : loc, &end, 10);
  if (end != c2 || errno || l == 0)
    return 0;
  k = strtoul(c2 + 1, &end, 10);
  if (*end || errno || c2[1] == '\0' || k == 0)
    return 0;
  if (c1) {
    size_t len = (size_t)(c1 - loc);
    if (len == 0 || len >= file_size)
      return 0;
    memcpy(file, loc, len);
    file[len] = '\0';
  } else {
    snprintf(file, file_size, "%s", source);
  }
  *line = (unsigned)l;
  *col = (unsigned)k;
  return 1;
}

/* Prints the line of one LOC. */
static void answer(CXTranslationUnit tu, const char *source, const char *loc, int escape) {
  char file[4096], text[TEXT_MAX + 1] = "";
  unsigned line, col;
  if (parse_loc(loc, source, file, sizeof file, &line, &col)) {
    CXFile f = clang_getFile(tu, file);
    if (f) {
      Query q = {0};
      CXFile ef = NULL;
      unsigned b, e;
      q.escape = escape;
      clang_getExpansionLocation(clang_getLocation(tu, f, line, col), &ef, NULL, NULL, &q.offset);
      q.file = ef ? ef : f;
      clang_visitChildren(clang_getTranslationUnitCursor(tu), visit, &q);
      if (q.found && extent_of(q.best, &ef, &b, &e))
        text_of(tu, ef, b, e, text);
    }
  }
  printf("%s\t%s\n", loc, text);
}

/* A function definition with the name the IR gives it. */
typedef struct FunctionQuery {
  const char *name;
  CXCursor found;
  int ok;
} FunctionQuery;

static int is_function(enum CXCursorKind k) {
  return k == CXCursor_FunctionDecl || k == CXCursor_CXXMethod || k == CXCursor_Constructor ||
         k == CXCursor_Destructor || k == CXCursor_ConversionFunction;
}

static int string_is(CXString s, const char *name) {
  const char *c = clang_getCString(s);
  int same = c && strcmp(c, name) == 0;
  clang_disposeString(s);
  return same;
}

/* True when the IR name of function c is name: the C name, or one of the
 * C++ manglings (constructors and destructors have several). */
static int named(CXCursor c, const char *name) {
  if (name[0] != '_' || name[1] != 'Z')
    return string_is(clang_getCursorSpelling(c), name);
  CXStringSet *all = clang_Cursor_getCXXManglings(c);
  int same = 0;
  if (all) {
    for (unsigned i = 0; i < all->Count && !same; i++)
      same = strcmp(clang_getCString(all->Strings[i]), name) == 0;
    clang_disposeStringSet(all);
  }
  return same || string_is(clang_Cursor_getMangling(c), name);
}

/* Declarations only: into namespaces, classes and `extern "C"`, never into
 * a function's body. */
static enum CXChildVisitResult find_function(CXCursor c, CXCursor parent, CXClientData data) {
  FunctionQuery *q = data;
  enum CXCursorKind k = clang_getCursorKind(c);
  (void)parent;
  if (is_function(k)) {
    if (clang_isCursorDefinition(c) && named(c, q->name)) {
      q->found = c;
      q->ok = 1;
      return CXChildVisit_Break;
    }
    return CXChildVisit_Continue;
  }
  switch (k) {
  case CXCursor_Namespace:
  case CXCursor_StructDecl:
  case CXCursor_ClassDecl:
  case CXCursor_UnionDecl:
  case CXCursor_LinkageSpec:
  case CXCursor_UnexposedDecl:
    return CXChildVisit_Recurse;
  default:
    return CXChildVisit_Continue;
  }
}

/* Prints the line of one -p FUNCTION. */
static void answer_params(CXTranslationUnit tu, const char *name) {
  FunctionQuery q = {name, clang_getNullCursor(), 0};
  printf("%s\t", name);
  clang_visitChildren(clang_getTranslationUnitCursor(tu), find_function, &q);
  if (q.ok) {
    enum CXCursorKind k = clang_getCursorKind(q.found);
    int n = clang_Cursor_getNumArguments(q.found);
    if (k != CXCursor_FunctionDecl && !clang_CXXMethod_isStatic(q.found))
      printf("+");
    for (int i = 0; i < n; i++) {
      CXCursor arg = clang_Cursor_getArgument(q.found, (unsigned)i);
      CXString spelling = clang_getCursorSpelling(arg);
      CXFile f = NULL;
      unsigned line = 0, col = 0;
      const char *s = clang_getCString(spelling);
      clang_getExpansionLocation(clang_getCursorLocation(arg), &f, &line, &col, NULL);
      CXString file = clang_getFileName(f);
      const char *fs = clang_getCString(file);
      printf("%s%s@%s:%u:%u", i ? " " : "", s && *s ? s : "?", fs ? fs : "", line, col);
      clang_disposeString(file);
      clang_disposeString(spelling);
    }
  }
  printf("\n");
}

static int usage(void) {
  fputs("usage: escape-source SOURCE [[-w] LINE:COL | [-w] FILE:LINE:COL | -p FUNCTION]... "
        "[-- COMPILE-FLAGS...]\n",
        stderr);
  return 2;
}

int main(int argc, char **argv) {
  int dashdash = argc, nflags;
  const char *source;
  CXIndex index;
  CXTranslationUnit tu = NULL;
  enum CXErrorCode err;

  for (int i = 1; i < argc; i++)
    if (strcmp(argv[i], "--") == 0) {
      dashdash = i;
      break;
    }
  if (dashdash < 2 || argv[1][0] == '-')
    return usage();
  source = argv[1];
  for (int i = 2; i < dashdash; i++)
    if ((strcmp(argv[i], "-w") == 0 || strcmp(argv[i], "-p") == 0) &&
        (i + 1 == dashdash || argv[i + 1][0] == '-'))
      return usage();
  nflags = dashdash < argc ? argc - dashdash - 1 : 0;

  index = clang_createIndex(0, 0); /* no diagnostics on stderr: the compile shows them */
  err = clang_parseTranslationUnit2(index, source, (const char *const *)argv + dashdash + 1,
                                    nflags, NULL, 0,
                                    CXTranslationUnit_KeepGoing, &tu);
  if (err != CXError_Success || !tu) {
    fprintf(stderr, "escape-source: cannot parse %s (libclang error %d)\n", source, (int)err);
    clang_disposeIndex(index);
    return 1;
  }
  for (int i = 2; i < dashdash; i++) {
    if (strcmp(argv[i], "-p") == 0) {
      answer_params(tu, argv[++i]);
      continue;
    }
    int escape = strcmp(argv[i], "-w") == 0;
    answer(tu, source, argv[i + escape], escape);
    i += escape;
  }
  clang_disposeTranslationUnit(tu);
  clang_disposeIndex(index);
  return 0;
}
