def log = new File(basedir, 'build.log').text

assert log.contains('invalid hakmem budget configuration:')
assert log.contains("budgets[0] 'typo'.workload: 'scalling' is neither a built-in workload [random-mixed, scaling, threads] nor a class on the test classpath")
assert log.contains("budgets[1] 'not-one'.workload: class com.example.NotAWorkload does not implement io.hakmem.budget.Workload")
assert log.contains("budgets[2] 'negative'.maxOverheadPercent: must be 0 or more, was -5")
assert log.contains("budgets[3] 'text'.parameters.blocks: must be an integer, was 'many'")
assert log.contains("budgets[4] 'infinite'.maxOverheadPercent: must be a finite number, was Infinity")
assert log.contains("budgets[5] 'misspelled'.maxRetainedBytes: must be a byte count or a size such as 512KiB, 2MiB or 1.5GiB (binary units B, KiB, MiB, GiB, TiB), was '2MB'")
assert log.contains("budgets[5] 'misspelled'.level: must be one of [FAIL, WARN], was 'ERROR'")
assert log.contains("budgets[5] 'misspelled'.parameters.blokcs: workload 'scaling' has no such parameter; it knows [blocks, size]")
assert !new File(basedir, 'target/hakmem/fork.log').exists() : 'a JVM was forked despite the bad configuration'
assert log.contains('BUILD FAILURE')
