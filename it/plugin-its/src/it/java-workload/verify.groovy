def log = new File(basedir, 'build.log').text
def reports = new File(basedir, 'target/hakmem')

assert log.contains("budget 'small-17' run 1 of 1")
assert log =~ /(?m)^\[INFO\] small-17 +\| com\.example\.SeventeenByteBlocks +\|.*\| +1000 % \|.*\| PASS$/
assert log.contains('BUILD SUCCESS')
def json = new groovy.json.JsonSlurper().parse(new File(reports, 'budget-report.json'))
def budget = json.budgets[0]
assert budget.workload == 'com.example.SeventeenByteBlocks'
assert budget.liveBytes == 100000 * 17
assert budget.residentBytes >= budget.liveBytes
assert budget.overheadPercent < 1000
assert budget.passed == true
assert new File(reports, 'budget-report.html').isFile()
