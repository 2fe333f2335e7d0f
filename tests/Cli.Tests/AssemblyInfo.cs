// Every test here starts a domainlauncher process and some assert its wall time: running them one
// at a time keeps the tests from competing with each other for the CPU they measure.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
