// escape: the C++ shim, the plugin's only C++.
//
// The analysis and the rewrite are C (pass/*.c, on the LLVM C API; entry point
// in include/escape/escape.h). This file owns what the C API cannot reach:
//   - EscapePass, a module pass that runs the core on every definition, and its
//     registration: `-passes='escape<max-object=N;...;m=N>'` (see
//     parseEscapeParams) in opt, and at the start
//     of the optimizer pipeline (after inlining) for -O1 and up in clang/opt;
//   - the host (struct EscHost, include/escape/host.h): answers from LLVM's
//     analyses (TargetLibraryInfo, CycleInfo, the call graph's SCCs, the
//     DataLayout, the target triple, debug records), invoke-to-call and
//     block splitting (the C API cannot rewire a phi's incoming block),
//     private copies of functions (the C API cannot clone one), and
//     the emission of the core's messages, worded by the core (pass/words.c):
//     as remarks, and as Go's -m report on stderr (`escape<m=1>`,
//     `escape<m=2>`), placed where the user looks for them;
//   - the order of the work: callees first, a call-graph cycle's members
//     summarized together to a fixpoint, each member's last analysis kept
//     for its run;
//   - the cleanup (SROA, InstCombine) of a function whose code the core
//     changed, and what the pass tells the pass manager it preserved.
// It makes no escape decision of its own, and words none.

#include "escape/host.h"

#include <llvm/Config/llvm-config.h>

#include <llvm/ADT/SCCIterator.h>
#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/DenseSet.h>
#include <llvm/ADT/STLExtras.h>
#include <llvm/ADT/SmallVector.h>
#include <llvm/Analysis/CallGraph.h>
#include <llvm/Analysis/CycleAnalysis.h>
#include <llvm/Analysis/OptimizationRemarkEmitter.h>
#include <llvm/Analysis/TargetLibraryInfo.h>
#include <llvm/IR/DebugInfoMetadata.h>
#include <llvm/IR/DebugProgramInstruction.h>
#include <llvm/IR/DiagnosticInfo.h>
#include <llvm/IR/InstIterator.h>
#include <llvm/IR/Instructions.h>
#include <llvm/IR/LLVMRemarkStreamer.h>
#include <llvm/IR/Module.h>
#include <llvm/IR/PassManager.h>
#include <llvm/Passes/PassBuilder.h>
#if __has_include(<llvm/Plugins/PassPlugin.h>) // LLVM 22 moved it
#include <llvm/Plugins/PassPlugin.h>
#else
#include <llvm/Passes/PassPlugin.h>
#endif
#include <llvm/Support/CommandLine.h>
#include <llvm/Support/Error.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/TargetParser/Triple.h>
#include <llvm/Transforms/InstCombine/InstCombine.h>
#include <llvm/Transforms/Scalar/SROA.h>
#include <llvm/Transforms/Utils/BasicBlockUtils.h>
#include <llvm/Transforms/Utils/Cloning.h>
#include <llvm/Transforms/Utils/Local.h>

#include <cstring>
#include <queue>
#include <memory>
#include <tuple>
#include <vector>

using namespace llvm;

static const char PassName[] = "escape"; // remarks' pass name, and -passes name

// The host of one function: created by EscapePass::run, lives while the core
// runs on that function.
using SummaryMap = DenseMap<const Function *, EscSummary>;
using CopyMap = DenseMap<const Function *, Function *>; // private copies, by original

struct EscHost {
  // A source variable holding a value: the value itself, or its address.
  struct VariableName {
    StringRef Name;
    bool IsAddress;
  };

  Function &F;
  FunctionAnalysisManager &FAM;
  bool Recursive;
  SummaryMap &Summaries; // of the functions analysed so far
  std::vector<const Function *> *SummariesRead = nullptr; // when set, whose summaries it read
  CopyMap *Copies = nullptr; // the module's private copies, when the core may rewrite
  unsigned Level;        // Go's -m level: what to print on stderr
  std::unique_ptr<CycleInfo> Cycles;              // computed on first query
  std::unique_ptr<OptimizationRemarkEmitter> ORE; // created on first report
  std::vector<const DILocalVariable *> ParamVariables; // from debug info, on first query
  std::unique_ptr<DenseMap<const Value *, VariableName>> VariableNames; // on first query
  std::vector<Function *> Versions; // made for the room check, to clean up too

  EscHost(Function &F, FunctionAnalysisManager &FAM, bool Recursive, SummaryMap &Summaries,
          unsigned Level = 0)
      : F(F), FAM(FAM), Recursive(Recursive), Summaries(Summaries), Level(Level) {}

  OptimizationRemarkEmitter &remarks() {
    if (!ORE)
      ORE = std::make_unique<OptimizationRemarkEmitter>(&F);
    return *ORE;
  }

  CycleInfo &cycles() {
    if (!Cycles) {
      Cycles = std::make_unique<CycleInfo>();
      Cycles->compute(F);
    }
    return *Cycles;
  }
};

namespace {

struct EscapeParams {
  EscOptions Options = esc_default_options();
  bool Cleanup = false;
  unsigned Level = 0; // m=N
};

struct EscapePass : PassInfoMixin<EscapePass> {
  EscOptions Options;
  bool Cleanup;
  unsigned Level;

  explicit EscapePass(const EscapeParams &P)
      : Options(P.Options), Cleanup(P.Cleanup), Level(P.Level) {}

  static StringRef name() { return "EscapePass"; }
  // For -print-pipeline-passes: the text that parses back to this pass.
  void printPipeline(raw_ostream &OS, function_ref<StringRef(StringRef)>) {
    OS << PassName << "<max-object=" << Options.max_object << ";max-frame=" << Options.max_frame
       << ";max-recursive-frame=" << Options.max_recursive_frame
       << ";max-align=" << Options.max_align << ";variable-slot=" << Options.variable_slot
       << ";stack-reserve=" << Options.stack_reserve
       << ";" << (Options.room_check ? "room-check" : "no-room-check") << ";"
       << (Cleanup ? "cleanup" : "no-cleanup");
    if (Level)
      OS << ";m=" << Level;
    OS << ">";
  }

  PreservedAnalyses run(Module &M, ModuleAnalysisManager &MAM) {
    auto &FAM = MAM.getResult<FunctionAnalysisManagerModuleProxy>(M).getManager();
    FunctionPassManager CleanupFPM;
    CleanupFPM.addPass(SROAPass(SROAOptions::ModifyCFG));
    CleanupFPM.addPass(InstCombinePass());

    CallGraph &CG = MAM.getResult<CallGraphAnalysis>(M);
    // Who may be re-entered matters only to the budgets without the room
    // check: with it, the scan of every call for unknown code is skipped.
    bool AskReentry = !Options.room_check;
    std::vector<Component> Order = bottomUp(CG, FAM, AskReentry);
    DenseSet<const Function *> Recursive;
    if (AskReentry)
      Recursive = findRecursion(CG, Order);

    // Bottom-up over the call graph: a function's callees are summarized
    // before it is analysed.
    SummaryMap Summaries;
    CopyMap Copies;
    bool Changed = false;
    // Callbacks (qsort's comparator) are called by no one the call graph
    // shows: summarize them up front, so their callers' callees see them.
    for (Function &F : M)
      if (!F.isDeclaration() && !F.hasOptNone() && handedToCalls(F)) {
        EscHost Host(F, FAM, true, Summaries);
        esc_summarize_function(wrap(&F), &Host, nullptr);
      }
    for (const Component &C : Order) {
      KeptAnalyses Kept;
      if (C.Cycle)
        summarizeTogether(C, CG, FAM, Summaries, Kept);
      for (Function *F : C.Functions) {
        if (F->isDeclaration() || F->hasOptNone())
          continue;
        EscHost Host(*F, FAM, Recursive.contains(F), Summaries, Level);
        Host.Copies = &Copies;
        EscAnalysis *Analysis = Kept.take(F);
        unsigned Change = Analysis ? esc_run_analysis(Analysis, &Options, &Host)
                                   : esc_run_function(wrap(F), &Options, &Host);
        if (Change == ESC_UNCHANGED)
          continue;
        Changed = true;
        if (!(Change & ESC_CODE_CHANGED)) {
          // Parameter attributes only: nothing to clean up, the CFG stands.
          FAM.invalidate(*F, cfgPreserved());
          continue;
        }
        FAM.invalidate(*F, PreservedAnalyses::none());
        if (!Cleanup)
          continue;
        CleanupFPM.run(*F, FAM); // invalidates F's analyses as it goes
        for (Function *Version : Host.Versions)
          CleanupFPM.run(*Version, FAM);
      }
    }
    // Function analyses would outlive the pass only if it also preserved
    // the function analysis manager's proxy; it does not claim that (keeping
    // dominator trees and loops of the functions it left alone measured no
    // faster on SQLite, and is one more promise to get right).
    return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
  }

  // A function passed as an argument of a call: the C library model reads
  // the summary of qsort's comparator at the call of qsort. Other uses of a
  // function's address (stored in a table, called through a pointer) read
  // no summary.
  static bool handedToCalls(const Function &F) {
    for (const Use &U : F.uses())
      if (const auto *CB = dyn_cast<CallBase>(U.getUser()))
        if (!CB->isCallee(&U))
          return true;
    return false;
  }

  static PreservedAnalyses cfgPreserved() {
    PreservedAnalyses PA;
    PA.preserveSet<CFGAnalyses>();
    return PA;
  }

  // The analyses a cycle's fixpoint made last, one per member: built with
  // the members' final summaries, they serve the members' runs as they are.
  class KeptAnalyses {
    DenseMap<const Function *, EscAnalysis *> Of;

  public:
    KeptAnalyses() = default;
    KeptAnalyses(const KeptAnalyses &) = delete;
    KeptAnalyses &operator=(const KeptAnalyses &) = delete;
    ~KeptAnalyses() { clear(); }
    void keep(const Function *F, EscAnalysis *Analysis) {
      EscAnalysis *&Slot = Of[F];
      esc_free_analysis(Slot);
      Slot = Analysis;
    }
    EscAnalysis *take(const Function *F) {
      auto It = Of.find(F);
      if (It == Of.end())
        return nullptr;
      EscAnalysis *Analysis = It->second;
      Of.erase(It);
      return Analysis;
    }
    void clear() {
      for (auto &Entry : Of)
        esc_free_analysis(Entry.second);
      Of.clear();
    }
  };

  // A strongly connected component of the direct call graph.
  struct Component {
    std::vector<Function *> Functions;
    bool Cycle;          // its functions call each other (or themselves)
    bool ReachesUnknown; // it may call code that calls back (see below)
  };

  // Functions that call each other, as Go does: start from "nothing
  // escapes" for all of them and summarize until no summary changes; the
  // analysis is monotone in its callees' summaries, so that fixpoint is
  // sound. A function is summarized again only when a summary it read last
  // time changed (a worklist, not rounds over the whole cycle: SQLite's
  // largest cycle has hundreds of functions, most of which settle at once).
  // Should it not settle within a few summaries per function, fall back to
  // summaries built from nothing assumed, each sound on its own. Once it
  // settles, each member's last analysis read the summaries as they stay:
  // kept in `Kept` for its run. The fixpoint is the same in any order;
  // callees first, the members read fewer summaries that change afterwards
  // (SQLite: 690 summaries of 353 functions, against 795 in the order of the
  // SCC iterator), and with revisits smallest first, 665, fewer of them of
  // the largest functions.
  static void summarizeTogether(const Component &C, CallGraph &CG, FunctionAnalysisManager &FAM,
                                SummaryMap &Summaries, KeptAnalyses &Kept) {
    SmallVector<Function *, 8> Members;
    for (Function *F : calleesFirst(C, CG))
      if (esc_can_summarize(wrap(F))) {
        Members.push_back(F);
        Summaries[F] = nothingEscapes(*F);
      }
    DenseMap<const Function *, SmallVector<Function *, 4>> Readers;
    size_t Visited = 0; // members summarized at least once: Members[0..Visited)
    // Revisits, after the first visits, smallest function first (its blocks
    // as its size; ties in the order of Members): a large function reads
    // many summaries, and waiting for them to settle spares it visits that
    // would only be superseded.
    using Revisit = std::pair<size_t, unsigned>; // size, index in Members
    DenseMap<const Function *, Revisit> RevisitOf;
    for (unsigned I = 0; I < Members.size(); ++I)
      RevisitOf[Members[I]] = {Members[I]->size(), I};
    std::priority_queue<Revisit, std::vector<Revisit>, std::greater<Revisit>> Again;
    DenseSet<const Function *> Queued(Members.begin(), Members.end());
    constexpr unsigned MaxSummariesPerFunction = 8;
    size_t Budget = MaxSummariesPerFunction * Members.size();
    std::vector<const Function *> Read;
    DenseMap<const Function *, unsigned> Visits;
    while ((Visited < Members.size() || !Again.empty()) && Budget) {
      Function *F;
      if (Visited < Members.size()) {
        F = Members[Visited++];
      } else {
        F = Members[Again.top().second];
        Again.pop();
      }
      Queued.erase(F);
      --Budget;
      EscSummary Before = Summaries[F];
      EscHost Host(*F, FAM, true, Summaries);
      Read.clear();
      Host.SummariesRead = &Read;
      EscAnalysis *Analysis;
      esc_summarize_function(wrap(F), &Host, &Analysis);
      Kept.keep(F, Analysis);
      if (++Visits[F] > 1)
        esc_widen_summary(&Before, &Summaries[F]);
      for (const Function *Callee : Read) {
        SmallVector<Function *, 4> &R = Readers[Callee];
        if (!is_contained(R, F))
          R.push_back(F);
      }
      if (sameSummary(Before, Summaries[F]))
        continue;
      for (Function *Reader : Readers.lookup(F))
        if (Queued.insert(Reader).second)
          Again.push(RevisitOf.lookup(Reader));
    }
    if (Visited == Members.size() && Again.empty())
      return;
    Kept.clear();
    for (Function *F : Members)
      Summaries.erase(F);
    for (Function *F : Members) {
      EscHost Host(*F, FAM, true, Summaries);
      esc_summarize_function(wrap(F), &Host, nullptr);
    }
  }

  // A component's functions in the order a depth-first walk of their direct
  // calls, from the component's root, finishes them: each after the members
  // it calls, but along the walk's back edges. Iterative: a component may
  // have thousands of functions.
  static SmallVector<Function *, 8> calleesFirst(const Component &C, CallGraph &CG) {
    DenseSet<const Function *> Members(C.Functions.begin(), C.Functions.end()), Seen;
    SmallVector<Function *, 8> Order;
    SmallVector<std::pair<Function *, CallGraphNode::iterator>, 8> Walk;
    for (Function *Root : llvm::reverse(C.Functions)) {
      if (!Seen.insert(Root).second)
        continue;
      Walk.push_back({Root, CG[Root]->begin()});
      while (!Walk.empty()) {
        auto &[F, Next] = Walk.back();
        if (Next == CG[F]->end()) {
          Order.push_back(F);
          Walk.pop_back();
          continue;
        }
        Function *Callee = (Next++)->second->getFunction();
        if (Callee && Members.contains(Callee) && Seen.insert(Callee).second)
          Walk.push_back({Callee, CG[Callee]->begin()});
      }
    }
    return Order;
  }

  static EscSummary nothingEscapes(const Function &F) {
    EscSummary S{};
    S.param_count = F.arg_size();
    for (EscParamSummary &P : S.params)
      P.stored_into = -1;
    S.varargs = {ESC_PARAM_ALL_ESCAPES, -1, 0, 0, 0};
    return S;
  }

  static bool sameSummary(const EscSummary &A, const EscSummary &B) {
    if (A.param_count != B.param_count || A.varargs.flags != B.varargs.flags ||
        A.through_copy != B.through_copy)
      return false;
    for (unsigned I = 0; I < A.param_count; ++I)
      if (A.params[I].flags != B.params[I].flags ||
          A.params[I].stored_into != B.params[I].stored_into ||
          A.params[I].content_escapes_below != B.params[I].content_escapes_below ||
          A.params[I].read_words != B.params[I].read_words ||
          A.params[I].written_words != B.params[I].written_words)
        return false;
    return true;
  }


  // The components, callees first; with AskReentry, which may call unknown
  // code (ReachesUnknown, else left false).
  static std::vector<Component> bottomUp(CallGraph &CG, FunctionAnalysisManager &FAM,
                                         bool AskReentry) {
    std::vector<Component> Order;
    DenseSet<const Function *> ReachesUnknown;
    for (auto SCC = scc_begin(&CG); !SCC.isAtEnd(); ++SCC) {
      Component C{{}, SCC.hasCycle(), false};
      for (CallGraphNode *N : *SCC)
        if (Function *F = N->getFunction()) {
          C.Functions.push_back(F);
          C.ReachesUnknown |= AskReentry && mayCallUnknownCode(*F, FAM, ReachesUnknown);
        }
      if (C.ReachesUnknown)
        ReachesUnknown.insert(C.Functions.begin(), C.Functions.end());
      Order.push_back(std::move(C));
    }
    return Order;
  }

  // Functions that may be re-entered before they return: on a cycle of
  // direct calls, or on one through code the module does not show: from a
  // call to unknown code back into a function that code can name (external
  // or address-taken) and on through direct calls. Functions LLVM proved
  // `norecurse` are not. Rule "cannot re-enter" (limits.ll; recursion_*.c,
  // callback.c, qsort_heap.c).
  static DenseSet<const Function *> findRecursion(CallGraph &CG,
                                                  const std::vector<Component> &Order) {
    DenseSet<const Function *> FromOutside, Recursive;
    for (const Component &C : llvm::reverse(Order)) { // callers first
      bool Reached = false;
      for (const Function *F : C.Functions)
        Reached |= !F->hasLocalLinkage() || F->hasAddressTaken() || FromOutside.contains(F);
      for (const Function *F : C.Functions) {
        if (Reached)
          for (const auto &Edge : *CG[F])
            if (const Function *Callee = Edge.second->getFunction())
              FromOutside.insert(Callee);
        if (!F->doesNotRecurse() && (C.Cycle || (Reached && C.ReachesUnknown)))
          Recursive.insert(F);
      }
    }
    return Recursive;
  }

  // C library functions that end the program or this thread of control and
  // run no user code that could re-enter the caller more than once, which
  // TargetLibraryInfo does not know on every LLVM (19's lacks abort).
  static bool endsWithoutCallingBack(StringRef Name) {
    static const char *const Names[] = {"abort",         "exit",          "_exit",
                                        "_Exit",         "__assert_fail", "__assert_perror_fail",
                                        "__stack_chk_fail"};
    return is_contained(Names, Name);
  }

  // Recursion the call graph does not show goes through code it does not
  // see: an indirect call, or a callee outside the module that is not a
  // library function known not to call back. True when `Fn` makes such a
  // call, or calls (directly) a function already found to.
  static bool mayCallUnknownCode(const Function &Fn, FunctionAnalysisManager &FAM,
                                 const DenseSet<const Function *> &CallsUnknown) {
    if (Fn.isDeclaration())
      return false;
    const TargetLibraryInfo &TLI = FAM.getResult<TargetLibraryAnalysis>(const_cast<Function &>(Fn));
    for (const Instruction &I : instructions(Fn)) {
      const auto *CB = dyn_cast<CallBase>(&I);
      if (!CB || CB->isInlineAsm())
        continue;
      const Function *Callee = CB->getCalledFunction();
      if (!Callee)
        return true;
      if (CallsUnknown.contains(Callee))
        return true;
      if (Callee->isIntrinsic())
        continue;
      if (!Callee->isDeclaration())
        continue; // its own SCC was handled first, or it is in this one
      LibFunc LF;
      bool Library = TLI.getLibFunc(*CB, LF) && TLI.has(LF);
      if (Callee->hasFnAttribute(Attribute::NoCallback) ||
          (Library && !esc_library_calls_back(Callee->getName().str().c_str())) || endsWithoutCallingBack(Callee->getName()))
        continue;
      return true;
    }
    return false;
  }

};

// Go's -m and -m=N: `m` alone is level 1.
Error parseLevel(StringRef Value, bool HasValue, unsigned &Level) {
  if (!HasValue) {
    Level = 1;
    return Error::success();
  }
  if (Value.getAsInteger(10, Level) || Level > 2)
    return createStringError(inconvertibleErrorCode(),
                             "invalid value '%s' for parameter 'm' of pass 'escape' "
                             "(expected 0, 1 or 2)",
                             Value.str().c_str());
  return Error::success();
}

// The text between the angle brackets of `escape<...>`: ';'-separated
// `max-object=N`, `max-frame=N`, `max-recursive-frame=N`, `max-align=N`,
// `variable-slot=N`, `stack-reserve=N`, `room-check`, `no-room-check`,
// `cleanup`, `no-cleanup`, `m` or `m=N`. N is unsigned decimal; max-align's is a power of two up to
// ESC_MAX_ALIGN_BOUND, stack-reserve's a percentage below 100.
Expected<EscapeParams> parseEscapeParams(StringRef Params) {
  EscapeParams P;
  uint64_t Reserve = P.Options.stack_reserve;
  while (!Params.empty()) {
    StringRef Param;
    std::tie(Param, Params) = Params.split(';');
    auto [Key, Value] = Param.split('=');
    bool HasValue = Param.contains('=');
    if (Key == "m") {
      if (Error E = parseLevel(Value, HasValue, P.Level))
        return E;
      continue;
    }
    uint64_t *Limit = Key == "max-object"            ? &P.Options.max_object
                      : Key == "max-frame"           ? &P.Options.max_frame
                      : Key == "max-recursive-frame" ? &P.Options.max_recursive_frame
                      : Key == "max-align"           ? &P.Options.max_align
                      : Key == "variable-slot"       ? &P.Options.variable_slot
                      : Key == "stack-reserve"       ? &Reserve
                                                     : nullptr;
    if (Limit && !HasValue) {
      return createStringError(inconvertibleErrorCode(),
                               "parameter '%s' of pass 'escape' needs a value: %s=N",
                               Key.str().c_str(), Key.str().c_str());
    } else if (Limit) {
      if (Value.getAsInteger(10, *Limit))
        return createStringError(inconvertibleErrorCode(),
                                 "invalid value '%s' for parameter '%s' of pass 'escape' "
                                 "(expected an unsigned decimal integer)",
                                 Value.str().c_str(), Key.str().c_str());
      if (Key == "max-align" && (!isPowerOf2_64(*Limit) || *Limit > ESC_MAX_ALIGN_BOUND))
        return createStringError(inconvertibleErrorCode(),
                                 "invalid value '%s' for parameter 'max-align' of pass 'escape' "
                                 "(expected a power of two up to %d)",
                                 Value.str().c_str(), ESC_MAX_ALIGN_BOUND);
      if (Key == "stack-reserve" && Reserve > 99)
        return createStringError(inconvertibleErrorCode(),
                                 "invalid value '%s' for parameter 'stack-reserve' of pass "
                                 "'escape' (expected a percentage from 0 to 99)",
                                 Value.str().c_str());
    } else if (Param == "cleanup" || Param == "no-cleanup") {
      P.Cleanup = Param == "cleanup";
    } else if (Param == "room-check" || Param == "no-room-check") {
      P.Options.room_check = Param == "room-check";
    } else {
      return createStringError(inconvertibleErrorCode(),
                               "invalid parameter '%s' of pass 'escape' (expected "
                               "max-object=N, max-frame=N, max-recursive-frame=N, "
                               "max-align=N, variable-slot=N, stack-reserve=N, room-check, "
                               "no-room-check, cleanup, no-cleanup, m or m=N)",
                               Param.str().c_str());
    }
  }
  P.Options.stack_reserve = static_cast<unsigned>(Reserve);
  return P;
}

bool parsePipelineElement(StringRef Name, ModulePassManager &MPM,
                          ArrayRef<PassBuilder::PipelineElement>) {
  if (!PassBuilder::checkParametrizedPassName(Name, PassName))
    return false;
  StringRef Params = Name.drop_front(strlen(PassName));
  if (!Params.empty() && !(Params.consume_front("<") && Params.consume_back(">")))
    return false;
  Expected<EscapeParams> P = parseEscapeParams(Params);
  if (!P) {
    // Returning false makes opt fail with "unknown pass name"; say why first.
    errs() << "error: " << toString(P.takeError()) << "\n";
    return false;
  }
  MPM.addPass(EscapePass(*P));
  return true;
}

// clang adds the pass to its pipelines without parameters: `-mllvm
// -escape-room-check=0` turns the room check off there (with clang 19 the
// plugin must then also be loaded with `-Xclang -load`, or the option is
// unknown: LLVM issue #56137).
cl::opt<bool> RoomCheckInPipelines("escape-room-check", cl::init(true),
                                   cl::desc("escape: check the stack's room before using "
                                            "slots (off: static slots and budgets)"));

void registerCallbacks(PassBuilder &PB) {
  PB.registerPipelineParsingCallback(parsePipelineElement);
  // The inliner has run by then, so allocations of inlined helpers are visible.
  // LLVM 20 added a ThinOrFullLTOPhase argument: `auto...` takes either form.
  auto AddToPipeline = [](ModulePassManager &MPM, OptimizationLevel Level, auto...) {
    if (Level == OptimizationLevel::O0)
      return;
    EscapeParams P;
    P.Cleanup = true;
    P.Options.room_check = RoomCheckInPipelines;
    MPM.addPass(EscapePass(P));
  };
  // After the inliner, so allocations of inlined helpers are visible; this
  // also serves ThinLTO's post-link optimization.
  PB.registerOptimizerEarlyEPCallback(AddToPipeline);
  // Full LTO: the whole program is one module, its calls all resolved.
  PB.registerFullLinkTimeOptimizationLastEPCallback(AddToPipeline);
}

} // namespace

extern "C" __attribute__((visibility("default"))) LLVM_ATTRIBUTE_WEAK PassPluginLibraryInfo
llvmGetPassPluginInfo() {
  return {LLVM_PLUGIN_API_VERSION, PassName, LLVM_VERSION_STRING, registerCallbacks};
}

// ---- The host interface (include/escape/host.h) ----

// ---- Go's -m report on stderr: `file:line:col: message`, one per line ----
//
// Columns are 1-based, as clang prints them: column 0 (none known) prints 1.

static void printPosition(raw_ostream &OS, const DILocation *L) {
  OS << L->getFilename() << ":" << L->getLine() << ":" << (L->getColumn() ? L->getColumn() : 1);
}

static void printPosition(raw_ostream &OS, const DebugLoc &DL) { printPosition(OS, DL.get()); }

// Where a message about the current function goes without a location of its
// own: the function's line, else its name.
static void printFunctionPosition(raw_ostream &OS, const Function &F, unsigned Line = 0) {
  if (const DISubprogram *SP = F.getSubprogram())
    OS << SP->getFilename() << ":" << (Line ? Line : SP->getLine()) << ":1";
  else
    OS << F.getName();
}

// A file of the system's (the C library's, libstdc++'s headers): not where a
// user looks for their own code. Debug info keeps no "system header" flag, so
// this goes by the install prefixes of Debian's compilers and libraries.
static bool isSystemFile(StringRef Name) {
  static const char *const Prefixes[] = {"/usr/include/", "/usr/lib/", "/usr/local/include/",
                                         "/usr/local/lib/", "/usr/share/"};
  for (const char *P : Prefixes)
    if (Name.starts_with(P))
      return true;
  return Name.contains("/include/c++/");
}

static bool isSystemLocation(const DILocation *L) {
  StringRef File = L->getFilename();
  if (sys::path::is_absolute(File))
    return isSystemFile(File);
  SmallString<256> Full(L->getDirectory());
  sys::path::append(Full, File);
  return isSystemFile(Full);
}

// Where a verdict on `I` is reported: code inlined from a helper is reported
// at the line of the user's code that called it, the outermost place of the
// inline chain that is not in a system header (the call of `yaml_malloc` in
// the user's function, not the malloc inside it; the user's push_back, not
// libstdc++'s new_allocator.h). When every place is a system header's, the
// instruction's own. An instruction on no line (copies merged into one, line
// 0) is reported at its function's line.
static const DILocation *reportLocation(const Instruction *I) {
  const DILocation *Own = I->getDebugLoc().get();
  if (!Own)
    return nullptr;
  const DILocation *Best = nullptr, *Any = nullptr;
  for (const DILocation *L = Own; L; L = L->getInlinedAt())
    if (L->getLine()) {
      Any = Any ? Any : L;
      if (!isSystemLocation(L))
        Best = L; // the last one that fits is the outermost
    }
  if (Best || Any)
    return Best ? Best : Any;
  const DISubprogram *SP = I->getFunction()->getSubprogram();
  return SP ? DILocation::get(I->getContext(), SP->getLine(), 0, const_cast<DISubprogram *>(SP))
            : Own;
}

// The places of the inline chain inside `Reported` (see reportLocation),
// innermost first: what -m=2 shows as `inlined:` lines.
static SmallVector<const DILocation *, 4> inlinedPlaces(const Instruction *I,
                                                        const DILocation *Reported) {
  SmallVector<const DILocation *, 4> Places;
  for (const DILocation *L = I->getDebugLoc().get(); L && L != Reported; L = L->getInlinedAt())
    if (L->getLine())
      Places.push_back(L);
  return Places;
}

static void printAt(const EscHost &H, const DILocation *L, StringRef Message) {
  raw_ostream &OS = errs();
  if (L)
    printPosition(OS, L);
  else
    printFunctionPosition(OS, H.F);
  OS << ": " << Message << "\n";
}

// ---- The core's messages (host.h), on stderr and as remarks ----

static DebugLoc placeOf(LLVMMetadataRef Place) {
  return Place ? DebugLoc(cast<DILocation>(unwrap(Place))) : DebugLoc();
}

// What -m prints: the parts' texts joined, a place as clang prints it.
static std::string textOf(const EscMessage &M) {
  std::string Text;
  raw_string_ostream OS(Text);
  for (const EscPart &P : ArrayRef(M.parts, M.count))
    if (P.text)
      OS << P.text;
    else if (P.place)
      printPosition(OS, placeOf(P.place));
  OS.flush();
  return Text;
}

// A remark's message is its arguments, in order, and nothing else: LLVM
// writes every argument into the record, and opt-viewer and opt-diff show a
// remark as its arguments joined. A part with a key is a named argument, and
// one with a place links to it (or, without text, is it: file:line:col).
static void addParts(DiagnosticInfoOptimizationBase &R, const EscMessage &M) {
  for (const EscPart &P : ArrayRef(M.parts, M.count)) {
    if (!P.key) {
      R << StringRef(P.text);
    } else if (!P.text) {
      R << ore::NV(P.key, placeOf(P.place));
    } else {
      DiagnosticInfoOptimizationBase::Argument A(P.key, StringRef(P.text));
      if (P.place)
        A.Loc = DiagnosticLocation(placeOf(P.place));
      R << A;
    }
  }
}

// Calls Use with M as a remark of its kind, at Loc, about block Where.
template <typename UseFn>
static void asRemark(const EscMessage &M, const DiagnosticLocation &Loc, const BasicBlock *Where,
                     UseFn Use) {
  auto Fill = [&](auto &&R) {
    addParts(R, M);
    Use(R);
  };
  switch (M.kind) {
  case ESC_REMARK_PASSED: return Fill(OptimizationRemark(PassName, M.name, Loc, Where));
  case ESC_REMARK_MISSED: return Fill(OptimizationRemarkMissed(PassName, M.name, Loc, Where));
  case ESC_REMARK_ANALYSIS: return Fill(OptimizationRemarkAnalysis(PassName, M.name, Loc, Where));
  }
}

// M as a remark placed at At (may be null), when some remark is asked for.
static void emitRemark(EscHost *H, const EscMessage &M, const DILocation *At,
                       const BasicBlock *Where) {
  OptimizationRemarkEmitter &ORE = H->remarks();
  if (!ORE.enabled())
    return;
  DiagnosticLocation Loc = At ? DiagnosticLocation(DebugLoc(At)) : DiagnosticLocation();
  asRemark(M, Loc, Where, [&](DiagnosticInfoOptimizationBase &R) { ORE.emit(R); });
}

// A verdict's facts would show in its text as its arguments: they are a
// remark of their own, which only the record gets (no -Rpass text), without
// a location (opt-viewer and opt-diff skip remarks without one).
static void emitFacts(EscHost *H, const EscMessage &M, const BasicBlock *Where) {
  LLVMRemarkStreamer *RS = H->F.getContext().getLLVMRemarkStreamer();
  if (RS)
    asRemark(M, DiagnosticLocation(), Where, [&](DiagnosticInfoOptimizationBase &R) {
      RS->emit(R);
    });
}

extern "C" void esc_host_report(EscHost *H, LLVMValueRef SiteRef, const EscMessage *Verdict,
                                const EscMessage *Facts) {
  const auto *Site = cast<Instruction>(unwrap(SiteRef));
  const DILocation *Reported = reportLocation(Site);
  if (H->Level >= 1)
    printAt(*H, Reported, textOf(*Verdict));
  emitRemark(H, *Verdict, Reported, Site->getParent());
  emitFacts(H, *Facts, Site->getParent());
}

extern "C" LLVMMetadataRef esc_host_reported_at(EscHost *, LLVMValueRef Site) {
  const DILocation *Reported = reportLocation(cast<Instruction>(unwrap(Site)));
  return Reported ? wrap(static_cast<const Metadata *>(Reported)) : nullptr;
}

extern "C" const char *esc_host_inlined(EscHost *, LLVMValueRef SiteRef, unsigned I,
                                        LLVMMetadataRef *Place) {
  const auto *Site = cast<Instruction>(unwrap(SiteRef));
  SmallVector<const DILocation *, 4> Places = inlinedPlaces(Site, reportLocation(Site));
  if (I >= Places.size())
    return nullptr;
  const DILocation *L = Places[I];
  *Place = wrap(static_cast<const Metadata *>(L));
  const DISubprogram *SP = L->getScope()->getSubprogram();
  StringRef Name = SP->getLinkageName().empty() ? SP->getName() : SP->getLinkageName();
  return Name.empty() ? "" : Name.data(); // an MDString's: NUL-terminated, lives with the module
}

extern "C" void esc_host_report_line(EscHost *H, LLVMValueRef SiteRef, const EscMessage *Line) {
  const auto *Site = cast<Instruction>(unwrap(SiteRef));
  const DILocation *Reported = reportLocation(Site);
  if (H->Level >= 2)
    printAt(*H, Reported, textOf(*Line));
  emitRemark(H, *Line, Reported, Site->getParent());
}

// True when some remark of this pass is asked for: -Rpass*, -pass-remarks*
// or a remark file.
static bool remarksWanted(EscHost *H) {
  LLVMContext &Ctx = H->F.getContext();
  return Ctx.getLLVMRemarkStreamer() || Ctx.getDiagHandlerPtr()->isAnyRemarkEnabled(PassName);
}

extern "C" bool esc_host_params_wanted(EscHost *H) { return H->Level >= 1 || remarksWanted(H); }

extern "C" bool esc_host_paths_wanted(EscHost *H) {
  return H->Level >= 2 || H->remarks().allowExtraAnalysis(PassName);
}

// The debug variable of parameter `Index`, or null: a parameter's
// DILocalVariable carries its (1-based) argument number, and belongs to the
// function's own subprogram (not to one inlined into it, whose parameters
// are numbered too).
static const DILocalVariable *paramVariable(EscHost *H, unsigned Index) {
  if (H->ParamVariables.empty()) {
    H->ParamVariables.assign(H->F.arg_size(), nullptr);
    const DISubprogram *Own = H->F.getSubprogram();
    for (const Instruction &I : instructions(H->F))
      for (const DbgVariableRecord &R : filterDbgVars(I.getDbgRecordRange())) {
        const DILocalVariable *Var = R.getVariable();
        if (unsigned Arg = Var->getArg();
            Arg && Arg <= H->F.arg_size() && Var->getScope()->getSubprogram() == Own)
          H->ParamVariables[Arg - 1] = Var;
      }
  }
  return H->ParamVariables[Index];
}

// A parameter's name: its debug variable's, else its IR name; null when none.
static const char *paramName(EscHost *H, unsigned Index) {
  const DILocalVariable *Var = paramVariable(H, Index);
  StringRef Name = Var ? Var->getName() : StringRef();
  if (Name.empty())
    Name = H->F.getArg(Index)->getName();
  return Name.empty() ? nullptr : Name.data();
}

extern "C" const char *esc_host_value_name(EscHost *H, LLVMValueRef V, bool *IsAddress) {
  if (!H->VariableNames) {
    // The first variable a debug record binds to a value names it; a
    // dbg.declare binds the variable's address.
    H->VariableNames = std::make_unique<DenseMap<const Value *, EscHost::VariableName>>();
    for (Instruction &I : instructions(H->F))
      for (DbgVariableRecord &R : filterDbgVars(I.getDbgRecordRange()))
        for (const Value *Op : R.location_ops())
          if (Op && !R.getVariable()->getName().empty())
            H->VariableNames->try_emplace(Op, EscHost::VariableName{R.getVariable()->getName(),
                                                                    R.isDbgDeclare()});
  }
  const Value *Val = unwrap(V);
  if (const auto *Arg = dyn_cast<Argument>(Val)) {
    *IsAddress = false;
    return paramName(H, Arg->getArgNo());
  }
  auto It = H->VariableNames->find(Val);
  if (It == H->VariableNames->end())
    return nullptr;
  *IsAddress = It->second.IsAddress;
  return It->second.Name.data();
}

extern "C" void esc_host_report_param(EscHost *H, unsigned Index, const EscMessage *Verdict,
                                      const EscMessage *Facts) {
  // At the parameter's line when debug info has it (its column it does not
  // keep: 0, which prints as 1), else the function's.
  const DILocalVariable *Var = paramVariable(H, Index);
  const DILocation *At = nullptr;
  if (DISubprogram *SP = H->F.getSubprogram())
    At = DILocation::get(H->F.getContext(), Var ? Var->getLine() : SP->getLine(), 0, SP);
  if (H->Level >= 1) {
    printFunctionPosition(errs(), H->F, Var ? Var->getLine() : 0);
    errs() << ": " << textOf(*Verdict) << "\n";
  }
  const BasicBlock *Entry = &H->F.getEntryBlock();
  emitRemark(H, *Verdict, At, Entry);
  emitFacts(H, *Facts, Entry);
}

// Rule "an inline builtin declaration is the library's function"
// (libc-fortify.ll @fortified_fread). Where a header gives a library function
// an always_inline gnu_inline body (glibc's fread under _FORTIFY_SOURCE),
// clang emits the body as `fread.inline`, sends the program's calls there,
// and marks the declaration `nobuiltin` so that LLVM does not fold the
// body's own call, which names the library symbol through an asm label, back
// into the body. That call, left after inlining, is the library's: the mark
// is on the declaration only, with alwaysinline beside it. A nobuiltin on the
// call itself (-fno-builtin-fread) or a caller that turns the name off
// (TargetLibraryInfo's `has`) still refuses, and TargetLibraryInfo checks the
// declaration's prototype.
static bool isInlineBuiltinDeclarationCall(const CallBase &CB, const TargetLibraryInfo &TLI,
                                           LibFunc &LF) {
  const Function *Callee = CB.getCalledFunction();
  return Callee && Callee->isDeclaration() && Callee->hasFnAttribute(Attribute::NoBuiltin) &&
         Callee->hasFnAttribute(Attribute::AlwaysInline) &&
         !CB.getAttributes().hasFnAttr(Attribute::NoBuiltin) && TLI.getLibFunc(*Callee, LF);
}

extern "C" bool esc_host_is_available_libcall(EscHost *H, LLVMValueRef Call) {
  const auto *CB = dyn_cast_or_null<CallBase>(unwrap(Call));
  if (!CB)
    return false;
  const TargetLibraryInfo &TLI = H->FAM.getResult<TargetLibraryAnalysis>(H->F);
  LibFunc LF;
  return (TLI.getLibFunc(*CB, LF) || isInlineBuiltinDeclarationCall(*CB, TLI, LF)) && TLI.has(LF);
}

extern "C" bool esc_host_libcall_prototype_differs(EscHost *H, LLVMValueRef Call) {
  // Not getCalledFunction(): it is null where the call's type differs from
  // the callee's (`char *calloc();` called with two ints).
  const auto *CB = dyn_cast_or_null<CallBase>(unwrap(Call));
  const auto *Callee = CB ? dyn_cast<Function>(CB->getCalledOperand()) : nullptr;
  if (!Callee)
    return false;
  const TargetLibraryInfo &TLI = H->FAM.getResult<TargetLibraryAnalysis>(H->F);
  LibFunc ByName, ByDeclaration;
  return TLI.getLibFunc(Callee->getName(), ByName) && TLI.has(ByName) &&
         !TLI.getLibFunc(*Callee, ByDeclaration);
}

extern "C" bool esc_host_library_has(EscHost *H, const char *Name) {
  const TargetLibraryInfo &TLI = H->FAM.getResult<TargetLibraryAnalysis>(H->F);
  LibFunc LF;
  if (!TLI.getLibFunc(Name, LF) || !TLI.has(LF))
    return false;
  // The module's own function of that name must be the library's declaration.
  const Function *Existing = H->F.getParent()->getFunction(Name);
  return !Existing || (Existing->isDeclaration() && TLI.getLibFunc(*Existing, LF));
}

// What malloc and operator new guarantee, erring high (over-aligning a
// promoted object is safe, under-aligning is not): 16 bytes on 64-bit targets
// and on 32-bit x86, PowerPC and SPARC (glibc's MALLOC_ALIGNMENT there); 8 on
// other 32-bit and on 16-bit targets; 16 with no or an unknown triple.
// long double is not consulted: no target's ABI aligns it beyond these values.
extern "C" unsigned esc_host_heap_alignment(EscHost *H) {
  Triple T(H->F.getParent()->getTargetTriple());
  if (T.isArch64Bit() || T.isX86() || T.isPPC() || T.isSPARC())
    return 16;
  if (T.isArch32Bit() || T.isArch16Bit())
    return 8;
  return 16;
}

extern "C" bool esc_host_stack_in_addrspace(EscHost *H, unsigned AddrSpace) {
  return H->F.getParent()->getDataLayout().getAllocaAddrSpace() == AddrSpace;
}

extern "C" bool esc_host_function_is_recursive(EscHost *H) { return H->Recursive; }

extern "C" const EscSummary *esc_host_summary(EscHost *H, LLVMValueRef Fn) {
  const Function *Callee = cast<Function>(unwrap(Fn));
  if (H->SummariesRead)
    H->SummariesRead->push_back(Callee);
  auto It = H->Summaries.find(Callee);
  return It == H->Summaries.end() ? nullptr : &It->second;
}

// F, a new function of the pass's, seen from this module only.
static void makeInternal(Function *F) {
  F->setLinkage(GlobalValue::InternalLinkage);
  F->setVisibility(GlobalValue::DefaultVisibility);
  F->setDLLStorageClass(GlobalValue::DefaultStorageClass);
  F->setComdat(nullptr);
  F->setUnnamedAddr(GlobalValue::UnnamedAddr::Global);
}

// Its blocks' addresses would name the original's blocks in a copy.
static bool hasAddressTakenBlock(const Function &F) {
  return any_of(F, [](const BasicBlock &BB) { return BB.hasAddressTaken(); });
}

// What callers assume of a function that has no summary they may use.
static EscSummary everythingEscapes(const Function &F) {
  EscSummary S{};
  S.param_count = F.arg_size();
  for (EscParamSummary &P : S.params)
    P = {ESC_PARAM_ALL_ESCAPES, -1, 0, 0, 0};
  S.varargs = S.params[0];
  return S;
}

extern "C" void esc_host_set_summary(EscHost *H, const EscSummary *Summary) {
  // A summary that holds only for a copy the host cannot make: replaced,
  // not dropped, so that a cycle's fixpoint sees it change.
  bool Copyable = !Summary->through_copy || !hasAddressTakenBlock(H->F);
  H->Summaries[&H->F] = Copyable ? *Summary : everythingEscapes(H->F);
}

// A private copy of F: internal, F's body as it is now, with the calls of
// functions whose summaries hold only through a copy calling their copies
// (made here too, and their calls in turn: a worklist, as the copies of a
// call-graph cycle call each other).
static Function *privateCopy(EscHost *H, Function *F) {
  CopyMap &Copies = *H->Copies;
  if (Function *Copy = Copies.lookup(F))
    return Copy;
  auto MakeCopy = [&](Function *Original) {
    ValueToValueMapTy Map;
    Function *Copy = CloneFunction(Original, Map); // with a subprogram of its own
    Copy->setName(Original->getName() + ".escape.copy");
    makeInternal(Copy);
    Copies[Original] = Copy;
    return Copy;
  };
  SmallVector<Function *, 8> Unrewired{MakeCopy(F)};
  while (!Unrewired.empty()) {
    Function *Copy = Unrewired.pop_back_val();
    for (Instruction &I : instructions(*Copy)) {
      auto *CB = dyn_cast<CallBase>(&I);
      Function *Callee = CB ? CB->getCalledFunction() : nullptr;
      auto It = Callee ? H->Summaries.find(Callee) : H->Summaries.end();
      if (It == H->Summaries.end() || !It->second.through_copy)
        continue;
      Function *CalleeCopy = Copies.lookup(Callee);
      if (!CalleeCopy)
        Unrewired.push_back(CalleeCopy = MakeCopy(Callee));
      CB->setCalledOperand(CalleeCopy);
    }
  }
  return Copies.lookup(F);
}

extern "C" LLVMValueRef esc_host_private_copy(EscHost *H, LLVMValueRef Fn) {
  return wrap(privateCopy(H, cast<Function>(unwrap(Fn))));
}

extern "C" bool esc_host_in_cycle(EscHost *H, LLVMBasicBlockRef Block) {
  return H->cycles().getCycle(unwrap(Block)) != nullptr;
}

extern "C" unsigned esc_host_cycle_headers(EscHost *H, LLVMBasicBlockRef Block,
                                           LLVMBasicBlockRef *Headers, unsigned Max,
                                           bool *Irreducible) {
  unsigned N = 0;
  *Irreducible = false;
  for (const Cycle *C = H->cycles().getCycle(unwrap(Block)); C; C = C->getParentCycle()) {
    if (!C->isReducible()) {
      *Irreducible = true;
      continue;
    }
    if (N < Max)
      Headers[N] = wrap(C->getHeader());
    N++;
  }
  return N;
}

extern "C" bool esc_host_carries_around(EscHost *H, LLVMBasicBlockRef PhiBlock,
                                        LLVMBasicBlockRef Block) {
  const BasicBlock *Phi = unwrap(PhiBlock);
  for (const Cycle *C = H->cycles().getCycle(unwrap(Block)); C; C = C->getParentCycle())
    if (C->isReducible() ? C->getHeader() == Phi : C->contains(Phi))
      return true;
  return false;
}

// A new internal function in the same module, named after the host's.
static void makeVersion(EscHost *H, Function *V, const char *Suffix) {
  V->setName(H->F.getName() + Suffix);
  makeInternal(V);
  H->Versions.push_back(V);
  // Each version is the body the summary was read from, or that body
  // rewritten: a private copy of the function copies its versions as well.
  auto It = H->Summaries.find(&H->F);
  if (It != H->Summaries.end()) {
    EscSummary Summary = It->second; // inserting V may move the map's entries
    H->Summaries[V] = Summary;
  }
}

// The CFG changed: recompute cycles (and the remarks' block frequencies) on
// the next query.
static void forgetCFG(EscHost *H) {
  H->Cycles.reset();
  H->ORE.reset();
}

extern "C" LLVMValueRef esc_host_clone_function(EscHost *H, const char *Suffix) {
  ValueToValueMapTy Map;
  Function *Clone = CloneFunction(&H->F, Map); // with a subprogram of its own
  makeVersion(H, Clone, Suffix);
  return wrap(Clone);
}

extern "C" LLVMValueRef esc_host_move_body(EscHost *H, const char *Suffix) {
  Function &F = H->F;
  Function *Body = Function::Create(F.getFunctionType(), GlobalValue::InternalLinkage,
                                    F.getAddressSpace(), "", F.getParent());
  Body->copyAttributesFrom(&F);
  makeVersion(H, Body, Suffix);
  Body->splice(Body->end(), &F);
  for (unsigned I = 0, E = F.arg_size(); I != E; ++I) {
    F.getArg(I)->replaceAllUsesWith(Body->getArg(I));
    Body->getArg(I)->takeName(F.getArg(I));
  }
  Body->setSubprogram(F.getSubprogram());
  F.setSubprogram(nullptr);
  forgetCFG(H);
  return wrap(Body);
}

extern "C" bool esc_host_can_version(EscHost *H) {
  const Function &F = H->F;
  if (F.isVarArg())
    return false;
  for (const Argument &A : F.args())
    if (A.hasInAllocaAttr() || A.hasPreallocatedAttr())
      return false;
  return !hasAddressTakenBlock(F);
}

extern "C" LLVMBasicBlockRef esc_host_split_block(EscHost *H, LLVMValueRef Inst,
                                                  bool RecordsFollow) {
  Instruction *I = cast<Instruction>(unwrap(Inst));
  BasicBlock::iterator At = I->getIterator();
  At.setHeadBit(RecordsFollow); // the head of I's records, or I itself after them
  BasicBlock *Tail = I->getParent()->splitBasicBlock(At, I->getParent()->getName() + ".split");
  forgetCFG(H);
  return wrap(Tail);
}

extern "C" LLVMBasicBlockRef esc_host_split_edge(EscHost *H, LLVMBasicBlockRef From,
                                                 LLVMBasicBlockRef To) {
  BasicBlock *Middle = SplitEdge(unwrap(From), unwrap(To));
  forgetCFG(H);
  return wrap(Middle);
}

extern "C" LLVMValueRef esc_host_invoke_to_call(EscHost *H, LLVMValueRef Invoke) {
  CallInst *Call = changeToCall(cast<InvokeInst>(unwrap(Invoke)));
  forgetCFG(H);
  return wrap(Call);
}
