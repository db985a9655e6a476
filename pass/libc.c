/* libc: summaries of C library and POSIX functions (see summarize.h).
 *
 * LLVM's attributes say that printf does not capture its format string, but
 * nothing of its variadic arguments, that strchr's result points into its
 * argument only as "returned" would (which it is not), and nothing of
 * callbacks. This table says what each function does with each pointer, in
 * the summary's terms. Every entry has a test (test/Transforms/libc.ll,
 * libc-fortify.ll).
 * Functions not listed keep their attributes; a nobuiltin call or a function
 * TargetLibraryInfo considers unavailable (-fno-builtin) gets no entry. */
#include "summarize.h"

#include "attrs.h"
#include "escape/escape.h"
#include "escape/host.h"

#include <llvm-c/Core.h>
#include <string.h>

enum {
  NONE = 0,
  KEEP = ESC_PARAM_ESCAPES | ESC_PARAM_CONTENT_ESCAPES,
  RET = ESC_PARAM_RETURNED,
  READ = ESC_PARAM_READS_DATA,                                /* bytes read: %s, write() */
  WRITE = ESC_PARAM_CONTENT_WRITTEN | ESC_PARAM_WRITES_DATA, /* bytes written: %n, read() */
  SPREAD = ESC_PARAM_CONTENT_ESCAPES | ESC_PARAM_READS_DATA, /* bytes copied elsewhere */
};

#define MAX_FIXED 5

typedef struct LibcEntry {
  const char *name;
  unsigned params;
  uint16_t flags[MAX_FIXED];
  uint16_t varargs; /* for the printf family: when the format says no %p */
  int8_t stored_from, stored_into; /* stored_from's pointer lands in *stored_into */
  int8_t callback;                 /* a function pointer called with pointers into... */
  int8_t callback_data[2];         /* ...these arguments' objects */
  const char *outside_tli;         /* TargetLibraryInfo does not know the name: the
                                      kinds of its parameters (p pointer, i integer),
                                      which it checks for us otherwise */
  int8_t printf_format;            /* the printf family: its format argument */
} LibcEntry;

#define NO_STORE -1, -1
#define NO_CALLBACK -1, {-1, -1}

static const LibcEntry entries[] = {
    /* formatted output: %s reads, %n writes an int, %p turns the address
     * into text that may become a pointer again (printf_varargs) */
    {"printf", 1, {READ}, READ, NO_STORE, NO_CALLBACK, NULL, 0},
    {"fprintf", 2, {READ | WRITE, READ}, READ, NO_STORE, NO_CALLBACK, NULL, 1},
    {"sprintf", 2, {WRITE, READ}, READ, NO_STORE, NO_CALLBACK, NULL, 1},
    {"snprintf", 3, {WRITE, NONE, READ}, READ, NO_STORE, NO_CALLBACK, NULL, 2},
    /* glibc's checking variants (_FORTIFY_SOURCE): the same, after a flag
     * and the destination's size */
    {"__printf_chk", 2, {NONE, READ}, READ, NO_STORE, NO_CALLBACK, "ip", 1},
    {"__fprintf_chk", 3, {READ | WRITE, NONE, READ}, READ, NO_STORE, NO_CALLBACK, "pip", 2},
    {"__sprintf_chk", 4, {WRITE, NONE, NONE, READ}, READ, NO_STORE, NO_CALLBACK, NULL, 3},
    {"__snprintf_chk", 5, {WRITE, NONE, NONE, NONE, READ}, READ, NO_STORE, NO_CALLBACK, NULL, 4},
    /* formatted input: every variadic argument is written (glibc's names too) */
    {"scanf", 1, {READ}, WRITE, NO_STORE, NO_CALLBACK, NULL, -1},
    {"__isoc99_scanf", 1, {READ}, WRITE, NO_STORE, NO_CALLBACK, NULL, -1},
    {"fscanf", 2, {READ | WRITE, READ}, WRITE, NO_STORE, NO_CALLBACK, NULL, -1},
    {"sscanf", 2, {READ, READ}, WRITE, NO_STORE, NO_CALLBACK, NULL, -1},
    {"__isoc99_sscanf", 2, {READ, READ}, WRITE, NO_STORE, NO_CALLBACK, NULL, -1},
    /* stdio and POSIX I/O */
    {"puts", 1, {READ}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"fputs", 2, {READ, READ | WRITE}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"fgets", 3, {RET | WRITE, NONE, READ | WRITE}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"fwrite", 4, {READ, NONE, NONE, READ | WRITE}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"fread", 4, {WRITE, NONE, NONE, READ | WRITE}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"read", 3, {NONE, WRITE, NONE}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"write", 3, {NONE, READ, NONE}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"__fgets_chk", 4, {RET | WRITE, NONE, NONE, READ | WRITE}, 0, NO_STORE, NO_CALLBACK, "piip", -1},
    {"__fread_chk", 5, {WRITE, NONE, NONE, NONE, READ | WRITE}, 0, NO_STORE, NO_CALLBACK, "piiip",
     -1},
    {"__read_chk", 4, {NONE, WRITE, NONE, NONE}, 0, NO_STORE, NO_CALLBACK, "ipii", -1},
    /* the directory's name into the buffer, which is the result */
    {"getcwd", 2, {RET | WRITE, NONE}, 0, NO_STORE, NO_CALLBACK, "pi", -1},
    /* reading strings and memory */
    {"strlen", 1, {READ}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"strnlen", 2, {READ, NONE}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"strcmp", 2, {READ, READ}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"strncmp", 3, {READ, READ, NONE}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"strcasecmp", 2, {READ, READ}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"strncasecmp", 3, {READ, READ, NONE}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"memcmp", 3, {READ, READ, NONE}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"bcmp", 3, {READ, READ, NONE}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"strspn", 2, {READ, READ}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"strcspn", 2, {READ, READ}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"atoi", 1, {READ}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"atol", 1, {READ}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"atof", 1, {READ}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    /* searching: the result points into the first argument */
    {"strchr", 2, {RET | READ, NONE}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"strrchr", 2, {RET | READ, NONE}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"strstr", 2, {RET | READ, READ}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"strpbrk", 2, {RET | READ, READ}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"memchr", 3, {RET | READ, NONE, NONE}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"memrchr", 3, {RET | READ, NONE, NONE}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"rawmemchr", 2, {RET | READ, NONE}, 0, NO_STORE, NO_CALLBACK, "pi", -1},
    {"strchrnul", 2, {RET | READ, NONE}, 0, NO_STORE, NO_CALLBACK, "pi", -1},
    /* the directory part, written into the argument (or a constant ".") */
    {"dirname", 1, {RET | READ | WRITE}, 0, NO_STORE, NO_CALLBACK, "p", -1},
    /* copying: the result is (or points into) the destination */
    {"strcpy", 2, {RET | WRITE, SPREAD}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"strncpy", 3, {RET | WRITE, SPREAD, NONE}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"stpcpy", 2, {RET | WRITE, SPREAD}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"strcat", 2, {RET | READ | WRITE, SPREAD}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"strncat", 3, {RET | READ | WRITE, SPREAD, NONE}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"memcpy", 3, {RET | WRITE, SPREAD, NONE}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"memmove", 3, {RET | WRITE, SPREAD, NONE}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"memset", 3, {RET | WRITE, NONE, NONE}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"mempcpy", 3, {RET | WRITE, SPREAD, NONE}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"stpncpy", 3, {RET | WRITE, SPREAD, NONE}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    /* the checking variants: the destination's size comes last */
    {"__memcpy_chk", 4, {RET | WRITE, SPREAD, NONE, NONE}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"__memmove_chk", 4, {RET | WRITE, SPREAD, NONE, NONE}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"__mempcpy_chk", 4, {RET | WRITE, SPREAD, NONE, NONE}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"__memset_chk", 4, {RET | WRITE, NONE, NONE, NONE}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"__strcpy_chk", 3, {RET | WRITE, SPREAD, NONE}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"__stpcpy_chk", 3, {RET | WRITE, SPREAD, NONE}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"__strncpy_chk", 4, {RET | WRITE, SPREAD, NONE, NONE}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"__stpncpy_chk", 4, {RET | WRITE, SPREAD, NONE, NONE}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"__strcat_chk", 3, {RET | READ | WRITE, SPREAD, NONE}, 0, NO_STORE, NO_CALLBACK, NULL, -1},
    {"__strncat_chk", 4, {RET | READ | WRITE, SPREAD, NONE, NONE}, 0, NO_STORE, NO_CALLBACK, NULL,
     -1},
    /* parsing numbers: *endptr = nptr + k */
    {"strtol", 3, {READ, WRITE, NONE}, 0, 0, 1, NO_CALLBACK, NULL, -1},
    {"strtoul", 3, {READ, WRITE, NONE}, 0, 0, 1, NO_CALLBACK, NULL, -1},
    {"strtoll", 3, {READ, WRITE, NONE}, 0, 0, 1, NO_CALLBACK, NULL, -1},
    {"strtoull", 3, {READ, WRITE, NONE}, 0, 0, 1, NO_CALLBACK, NULL, -1},
    {"strtod", 2, {READ, WRITE}, 0, 0, 1, NO_CALLBACK, NULL, -1},
    {"strtof", 2, {READ, WRITE}, 0, 0, 1, NO_CALLBACK, NULL, -1},
    {"strtold", 2, {READ, WRITE}, 0, 0, 1, NO_CALLBACK, NULL, -1},
    /* callbacks receive pointers into the array (and the key); qsort moves
     * the elements' bytes, but only within the array */
    {"qsort", 4, {WRITE, NONE, NONE, KEEP}, 0, NO_STORE, 3, {0, -1}, NULL, -1},
    {"bsearch", 5, {NONE, RET, NONE, NONE, KEEP}, 0, NO_STORE, 4, {0, 1}, "ppiip", -1},
    /* the argument and the start routine go to another thread */
    {"pthread_create", 4, {WRITE, READ, KEEP, KEEP}, 0, NO_STORE, NO_CALLBACK, "pppp", -1},
    /* *lineptr is realloc'd */
    {"getline", 3, {SPREAD | WRITE, READ | WRITE, READ | WRITE}, 0, NO_STORE, NO_CALLBACK, "ppp",
     -1},
    {"getdelim", 4, {SPREAD | WRITE, READ | WRITE, NONE, READ | WRITE}, 0, NO_STORE, NO_CALLBACK,
     "ppip", -1},
};

/* Library functions that call user code back on the caller's stack. */
static const char *const calling_back[] = {
    "qsort",   "qsort_r", "bsearch", "atexit",  "on_exit",      "signal",
    "sigaction", "ftw",   "nftw",    "scandir", "tsearch",      "tfind",
    "twalk",   "lfind",   "lsearch", "pthread_once", "dl_iterate_phdr"};

bool esc_library_calls_back(const char *name) {
  for (unsigned i = 0; i < sizeof calling_back / sizeof *calling_back; i++)
    if (strcmp(calling_back[i], name) == 0)
      return true;
  return false;
}

static const LibcEntry *find_entry(const char *name) {
  for (unsigned i = 0; i < sizeof entries / sizeof *entries; i++)
    if (strcmp(entries[i].name, name) == 0)
      return &entries[i];
  return NULL;
}

/* True when fn's parameters are of the kinds `kinds` spells. */
static bool parameters_are(LLVMValueRef fn, const char *kinds) {
  for (unsigned i = 0; kinds[i]; i++) {
    LLVMTypeKind k = LLVMGetTypeKind(LLVMTypeOf(LLVMGetParam(fn, i)));
    if (k != (kinds[i] == 'p' ? LLVMPointerTypeKind : LLVMIntegerTypeKind))
      return false;
  }
  return true;
}

/* Rule "is the library's function" (libc.ll). The name means the library
 * function: TargetLibraryInfo says so, or, for names it does not know (POSIX,
 * not ISO C: a -std=c99 program may define its own getline in another file),
 * the declaration has the library's parameter kinds and nothing says
 * otherwise. */
static bool is_the_library_function(EscHost *host, LLVMValueRef call, LLVMValueRef fn,
                                    const LibcEntry *e) {
  if (esc_host_is_available_libcall(host, call))
    return true;
  return e->outside_tli && parameters_are(fn, e->outside_tli) &&
         !esc_has_fn_attr(call, fn, "nobuiltin") && !esc_builtins_disabled(call, fn);
}

/* The flags of a parameter's summary, with the words it names as data
 * read or written anywhere. */
static uint16_t flags_anywhere(const EscParamSummary *p) {
  return p->flags | (p->read_words ? ESC_PARAM_READS_DATA : 0) |
         (p->written_words ? ESC_PARAM_WRITES_DATA : 0);
}

/* What a callback does with the pointers it is handed, for pointers into
 * `data`: the comparator's summary for both parameters when it is a
 * function of this module the host has summarized, else everything; also
 * when the summary holds only for a private copy, which the library, calling
 * the function it is given, does not call. Its
 * words count from an element, not from `data`: they are anywhere there. */
static uint16_t callback_flags(EscHost *host, LLVMValueRef callback) {
  LLVMValueRef fn = LLVMIsAFunction(callback);
  const EscSummary *s = fn ? esc_host_summary(host, fn) : NULL;
  if (!s || s->param_count < 2 || s->through_copy)
    return KEEP;
  return (flags_anywhere(&s->params[0]) | flags_anywhere(&s->params[1])) & ~ESC_PARAM_RETURNED;
}

/* The text of a constant, NUL-terminated string global, or NULL. */
static const char *constant_string(LLVMValueRef v) {
  LLVMValueRef init = LLVMIsAGlobalVariable(v) && LLVMIsGlobalConstant(v)
                          ? LLVMGetInitializer(v)
                          : NULL;
  size_t len;
  const char *text = init && LLVMIsConstantString(init) ? LLVMGetAsString(init, &len) : NULL;
  return text && len && memchr(text, 0, len) ? text : NULL;
}

enum { FORMAT_READS, FORMAT_WRITES = 1, FORMAT_EXPOSES = 2 };

/* What a printf format does with its pointer arguments: %s reads, %n
 * writes, %p (or a conversion not in C or glibc, which a registered handler
 * may define) exposes the address. Flags, width, precision, positions and
 * length modifiers are skipped. */
static unsigned format_effects(const char *f) {
  unsigned effects = FORMAT_READS;
  while ((f = strchr(f, '%'))) {
    f++;
    if (*f == '%') {
      f++;
      continue;
    }
    f += strspn(f, "0123456789$-+ #'I.*hlLqjzZt");
    if (*f == 'n')
      effects |= FORMAT_WRITES;
    else if (!*f || !strchr("diouxXeEfFgGaAcsCSm", *f))
      return FORMAT_WRITES | FORMAT_EXPOSES;
    if (*f)
      f++;
  }
  return effects;
}

/* Rule "printf reads its arguments": only a constant format without %p lets
 * a variadic pointer pass as read (libc.ll: printf_pointer_text). glibc lets
 * a program redefine conversions (register_printf_specifier): a module that
 * names such a function gets no model for formats at all. */
static uint16_t printf_varargs(LLVMValueRef call, const LibcEntry *e) {
  LLVMModuleRef m = LLVMGetGlobalParent(LLVMGetBasicBlockParent(LLVMGetInstructionParent(call)));
  static const char *const redefiners[] = {"register_printf_function", "register_printf_specifier",
                                           "register_printf_modifier", "register_printf_type"};
  unsigned effects = FORMAT_WRITES | FORMAT_EXPOSES;
  const char *format = constant_string(LLVMGetOperand(call, (unsigned)e->printf_format));
  if (format)
    effects = format_effects(format);
  for (unsigned i = 0; i < sizeof redefiners / sizeof *redefiners; i++)
    if (LLVMGetNamedFunction(m, redefiners[i]))
      effects = FORMAT_WRITES | FORMAT_EXPOSES;
  uint16_t flags = e->varargs;
  if (effects & FORMAT_WRITES)
    flags |= WRITE;
  if (effects & FORMAT_EXPOSES)
    flags |= KEEP;
  return flags;
}

bool esc_libc_summary(EscHost *host, LLVMValueRef call, LLVMValueRef fn, EscSummary *out) {
  size_t len;
  const LibcEntry *e = find_entry(LLVMGetValueName2(fn, &len));
  if (!e || LLVMCountParams(fn) != e->params || !is_the_library_function(host, call, fn, e))
    return false;
  memset(out, 0, sizeof *out);
  out->param_count = e->params;
  for (unsigned i = 0; i < e->params; i++)
    out->params[i] = (EscParamSummary){
        .flags = e->flags[i],
        .stored_into = (int8_t)(i == (unsigned)e->stored_from ? e->stored_into : -1)};
  out->varargs = (EscParamSummary){
      .flags = e->printf_format >= 0 ? printf_varargs(call, e) : e->varargs, .stored_into = -1};
  if (e->callback >= 0) {
    uint16_t flags = callback_flags(host, LLVMGetOperand(call, (unsigned)e->callback));
    for (unsigned k = 0; k < 2; k++)
      if (e->callback_data[k] >= 0)
        out->params[e->callback_data[k]].flags |= flags;
  }
  return true;
}
