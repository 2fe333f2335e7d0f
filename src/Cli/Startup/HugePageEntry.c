/*
 * The native tool's first instructions: before the C library's start (_start), ask the kernel to read the
 * image in 2 MB pages. Linked into the NativeAOT executable as its entry point by Cli.csproj
 * (CompileStartupC), in a section of its own that the link places after everything else.
 *
 * Why: a one-shot command touches ~450 pages of code, read-only data and type data scattered over 20 MB
 * of image. In 4 KB pages each first touch costs a page fault, or where the kernel mapped the page ahead
 * of the touch, a miss the hypervisor fills; under the paravirtualised paging of the hosts measured here
 * either costs several µs, ~1.5 ms of a 7.5 ms to-native. When the page cache holds a 2 MB block of the
 * file as one folio, and the file offset and the address agree on 2 MB boundaries (the link lays the
 * segments out so: Cli.csproj, max-page-size), the kernel maps the whole block with one entry (writable
 * data until its first write there). The kernel reads a block as one folio when a fault in a range
 * advised MADV_HUGEPAGE misses the cache. These hosts drop a file's cached pages a minute after its
 * last use, so many commands start from a cold cache, and the advice has to come before anything
 * touches the image: the C library's start lies in the first block of code, and its first fault would
 * read the blocks around it (the readahead window here is 8 MB) in small folios.
 *
 * So the entry point is here, at the end of the file: the one page touched before the advice is this
 * one, and the read around it takes only the end of the writable data. (The loader would touch the last
 * page of that data too, to zero its tail, but HugePageLayout.ld leaves it no tail.) The advice
 * is one system call over the whole image; the gaps between its segments are skipped with ENOMEM and
 * nothing is read. Then the C library starts as ever. Blocks already cached in small folios stay so
 * until the kernel drops them; publishing writes the executable in 2 MB writes (Cli.csproj,
 * WriteExecutableInHugeFolios) so that it starts out cached whole.
 *
 * Runs with nothing set up: no thread data, no C library, the stack as the kernel made it. Hence a raw
 * system call, no stack protector, and the stack and rdx passed on to _start as the kernel left them (rdx,
 * the function the ABI has _start register with atexit, waits in r12 across the call; _start reads no r12).
 * Safe whatever happens: the advice changes no content and no protection; a kernel without transparent
 * huge pages answers EINVAL and nothing changes. x86-64 only; other builds keep the C library's entry.
 */
#if defined(__x86_64__) && defined(__linux__)
#include <stdint.h>

#define ENTRY_SECTION "huge_page_entry"
#define SYSCALL_MADVISE 28L
#define ADVICE_HUGEPAGE 14L
#define PAGE_MASK ((uintptr_t)4095)

/* Defined by the linker: the image's first byte, and the first after it (the end of its zeroed data). */
extern char __executable_start[];
extern char _end[];

__attribute__((section(ENTRY_SECTION), used, noinline, no_stack_protector, visibility("hidden")))
void domainlauncher_advise_huge_pages(void)
{
    uintptr_t start = (uintptr_t)__executable_start & ~PAGE_MASK;
    uintptr_t end = ((uintptr_t)_end + PAGE_MASK) & ~PAGE_MASK;
    long result;
    /* The answer is not looked at: ENOMEM only says the range has gaps (the advice still holds for the
       mapped parts), EINVAL that there are no huge pages to have. */
    __asm__ volatile("syscall"
                     : "=a"(result)
                     : "0"(SYSCALL_MADVISE), "D"(start), "S"(end - start), "d"(ADVICE_HUGEPAGE)
                     : "rcx", "r11", "memory");
    (void)result;
}

/* The executable's entry (the link names it with -e). The stack is 16-byte aligned here, as the call
   into C expects; _start finds it, and rdx, as the kernel left them. */
__attribute__((section(ENTRY_SECTION), naked, used, visibility("hidden")))
void domainlauncher_entry(void)
{
    __asm__("mov %rdx, %r12\n\t"
            "call domainlauncher_advise_huge_pages\n\t"
            "mov %r12, %rdx\n\t"
            "jmp _start\n\t");
}
#endif
