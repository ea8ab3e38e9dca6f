def log = new File(basedir, 'build.log').text

assert log.contains('invalid hakmem budget configuration:')
assert log.contains("budget 'typo': workload com.example.SeventeenByteBlocks never read the parameter [blokcs];"
        + " it read [blocks] (a misspelling in <parameters>?)")
assert !log.contains("budget 'typo' run 1 of 1:") : 'the misspelled run was reported as a result'
assert log.contains('BUILD FAILURE')
return true
