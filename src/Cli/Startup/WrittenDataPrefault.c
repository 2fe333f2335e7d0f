/*
 * The one part of the native tool that runs before the .NET runtime starts: an ELF constructor, linked
 * into the NativeAOT executable by Cli.csproj (CompileWrittenDataPrefault). It makes the stretch of the
 * image's writable data that the runtime writes present and writable, in one request, before the runtime
 * writes any of it.
 *
 * Why: that stretch holds the static fields that start with a value, the slots of the other static
 * fields (the runtime fills in ~3,400 of them as it starts, one for each type with static fields, before
 * the program's first line runs) and the interface dispatch cells (one for each place in the code that
 * calls through an interface; the runtime fills one in at the call's first run). Left alone, each page of
 * it costs a page fault at its first write, and a page that was read first costs a second fault to be
 * copied, ~10-15 µs each under the paravirtualised paging of the hosts measured here. Populated for
 * writing before anything maps it (madvise(MADV_POPULATE_WRITE), Linux 5.14), a page costs ~3 µs: a
 * private copy of the file's page, made in the kernel with no fault. Done here rather than at the start
 * of the C# program, it covers the runtime's own start too: to-native 7.49 -> 7.04 ms, --version
 * unchanged (taking turns, 60 runs each, against the same populate made at the start of the program).
 *
 * Where: the compiler names no section for that stretch, but it lays the static fields out just before
 * the dispatch cells and marks the cells' start (__InterfaceDispatchCellSection_Start). The two lengths
 * below are measured on the last build by tools/written-data.sh, which also tells whether they still
 * cover the stretch. A stale length costs only speed: too short and the last pages fault as before; too
 * long and a few more pages become private copies, ~3 µs and 4 KB each.
 *
 * Safe whatever happens: on a kernel without MADV_POPULATE_WRITE the request fails (EINVAL) and nothing
 * changes; the pages become what the first write would have made them, private copies of the file's.
 */
#include <link.h>
#include <stdint.h>
#include <sys/auxv.h>
#include <sys/mman.h>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

/* How far before the dispatch cells the static fields start (measured: 82 KB), and how far the cells
   reach (measured: 202 KB), each with room to grow: both grow with the code. */
#define STATIC_FIELDS_BEFORE_CELLS (112u << 10)
#define CELLS_LENGTH (256u << 10)
#define PAGE_MASK ((uintptr_t)4095)

/* Defined by the NativeAOT compiler in the image's data (a hidden global of its object file). */
extern char __InterfaceDispatchCellSection_Start[];

/* The writable loaded segment of this executable that holds the given address, as [start, end) of its
   file-backed part; {0, 0} when there is none (the headers could not be read). */
static void writable_segment_holding(uintptr_t address, uintptr_t *start, uintptr_t *end)
{
    const ElfW(Phdr) *headers = (const ElfW(Phdr) *)getauxval(AT_PHDR);
    unsigned long count = getauxval(AT_PHNUM);
    uintptr_t bias = 0;
    *start = *end = 0;
    if (headers == 0 || count == 0 || count > 64) return;
    /* A position-independent image is loaded at a bias: where its headers are minus where they say they are. */
    for (unsigned long i = 0; i < count; i++)
        if (headers[i].p_type == PT_PHDR) bias = (uintptr_t)headers - headers[i].p_vaddr;
    for (unsigned long i = 0; i < count; i++)
    {
        const ElfW(Phdr) *segment = &headers[i];
        if (segment->p_type != PT_LOAD || (segment->p_flags & PF_W) == 0) continue;
        uintptr_t from = bias + segment->p_vaddr, to = from + segment->p_filesz;
        if (address >= from && address < to) { *start = from; *end = to; return; }
    }
}

__attribute__((constructor)) static void populate_written_data(void)
{
    uintptr_t cells = (uintptr_t)__InterfaceDispatchCellSection_Start, segment_start, segment_end;
    writable_segment_holding(cells, &segment_start, &segment_end);
    if (segment_end == 0) return;
    uintptr_t start = cells - STATIC_FIELDS_BEFORE_CELLS, end = cells + CELLS_LENGTH;
    if (start < segment_start || start > cells) start = segment_start;
    if (end > segment_end) end = segment_end;
    start &= ~PAGE_MASK;
    end = (end + PAGE_MASK) & ~PAGE_MASK;
    /* The answer is not looked at: an old kernel's EINVAL leaves the faults as they were. */
    (void)madvise((void *)start, end - start, MADV_POPULATE_WRITE);
}
