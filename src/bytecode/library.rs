//! The C library functions the VM implements natively, numbered for `callb`. This list is
//! the ABI between compiled code and the VM; the VM must implement every entry.

macro_rules! library {
    ($($variant:ident = $name:literal,)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Lib { $($variant,)* }

        impl Lib {
            pub const ALL: &'static [Lib] = &[$(Lib::$variant,)*];

            pub fn name(self) -> &'static str {
                match self { $(Lib::$variant => $name,)* }
            }
        }
    };
}

library! {
    Printf = "printf",
    Fprintf = "fprintf",
    Sprintf = "sprintf",
    Snprintf = "snprintf",
    Vprintf = "vprintf",
    Vfprintf = "vfprintf",
    Vsprintf = "vsprintf",
    Vsnprintf = "vsnprintf",
    Scanf = "scanf",
    Sscanf = "sscanf",
    Putchar = "putchar",
    Puts = "puts",
    Fputs = "fputs",
    Fputc = "fputc",
    Putc = "putc",
    Getchar = "getchar",
    Fgetc = "fgetc",
    Getc = "getc",
    Fgets = "fgets",
    Fflush = "fflush",
    Perror = "perror",
    Malloc = "malloc",
    Calloc = "calloc",
    Realloc = "realloc",
    Free = "free",
    Exit = "_Exit",
    Abort = "abort",
    AssertFail = "__assert_fail",
    Abs = "abs",
    Labs = "labs",
    Llabs = "llabs",
    Div = "div",
    Ldiv = "ldiv",
    Atoi = "atoi",
    Atol = "atol",
    Atoll = "atoll",
    Atof = "atof",
    Strtol = "strtol",
    Strtoul = "strtoul",
    Strtoll = "strtoll",
    Strtoull = "strtoull",
    Strtod = "strtod",
    Rand = "rand",
    Srand = "srand",
    Getenv = "getenv",
    Strlen = "strlen",
    Strcpy = "strcpy",
    Strncpy = "strncpy",
    Strcat = "strcat",
    Strncat = "strncat",
    Strcmp = "strcmp",
    Strncmp = "strncmp",
    Strchr = "strchr",
    Strrchr = "strrchr",
    Strstr = "strstr",
    Strspn = "strspn",
    Strcspn = "strcspn",
    Strpbrk = "strpbrk",
    Strtok = "strtok",
    Memset = "memset",
    Memcpy = "memcpy",
    Memmove = "memmove",
    Memcmp = "memcmp",
    Memchr = "memchr",
    Strerror = "strerror",
    Isalnum = "isalnum",
    Isalpha = "isalpha",
    Isblank = "isblank",
    Iscntrl = "iscntrl",
    Isdigit = "isdigit",
    Isgraph = "isgraph",
    Islower = "islower",
    Isprint = "isprint",
    Ispunct = "ispunct",
    Isspace = "isspace",
    Isupper = "isupper",
    Isxdigit = "isxdigit",
    Tolower = "tolower",
    Toupper = "toupper",
    Sqrt = "sqrt",
    Pow = "pow",
    Fabs = "fabs",
    Floor = "floor",
    Ceil = "ceil",
    Round = "round",
    Trunc = "trunc",
    Fmod = "fmod",
    Exp = "exp",
    Exp2 = "exp2",
    Log = "log",
    Log10 = "log10",
    Log2 = "log2",
    Sin = "sin",
    Cos = "cos",
    Tan = "tan",
    Asin = "asin",
    Acos = "acos",
    Atan = "atan",
    Atan2 = "atan2",
    Sinh = "sinh",
    Cosh = "cosh",
    Tanh = "tanh",
    Hypot = "hypot",
    Cbrt = "cbrt",
    Copysign = "copysign",
    Fmax = "fmax",
    Fmin = "fmin",
    Ldexp = "ldexp",
    Frexp = "frexp",
    Modf = "modf",
    Lround = "lround",
    Llround = "llround",
    Rint = "rint",
    Nearbyint = "nearbyint",
    Log1p = "log1p",
    Expm1 = "expm1",
    Fdim = "fdim",
    Asinh = "asinh",
    Acosh = "acosh",
    Atanh = "atanh",
    Sqrtf = "sqrtf",
    Powf = "powf",
    Fabsf = "fabsf",
    Floorf = "floorf",
    Ceilf = "ceilf",
    Sinf = "sinf",
    Cosf = "cosf",
    Expf = "expf",
    Logf = "logf",
    Fmodf = "fmodf",
    IsNan = "__builtin_isnan",
    IsInf = "__builtin_isinf",
    IsFinite = "__builtin_isfinite",
    SignBit = "__builtin_signbit",
    SegmentId = "__segvm_segment_id",
}

impl Lib {
    pub fn id(self) -> u32 {
        Lib::ALL.iter().position(|&l| l == self).unwrap_or(0) as u32
    }

    pub fn from_id(id: u32) -> Option<Lib> {
        Lib::ALL.get(id as usize).copied()
    }

    pub fn from_name(name: &str) -> Option<Lib> {
        Lib::ALL.iter().copied().find(|l| l.name() == name)
    }
}
