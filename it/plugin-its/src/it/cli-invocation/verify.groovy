def log = new File(basedir, 'build.log').text

assert log.contains('hakmem-maven-plugin:') && log.contains(':budget (default-cli)')
assert log =~ /(?m)^\[INFO\] small-17 +\|.*\| PASS$/
assert log =~ /(?m)^\[INFO\] scaling-10K +\|.*\| PASS$/
assert log.contains('hakmem:budget: all 2 budget(s) within their limits')
assert log.contains('hakmem:budget') && log.contains('maxOverheadPercent')
assert new File(basedir, 'target/hakmem/budget-report.json').isFile()
