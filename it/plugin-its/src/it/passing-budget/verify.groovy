def log = new File(basedir, 'build.log').text
def reports = new File(basedir, 'target/hakmem')

assert log.contains("budget 'scaling-20K' run 3 of 3")
assert log =~ /Budget +\| Workload +\| +Live \| +Resident \| +Overhead \| +Limit \| +Retained/
['scaling-20K', 'random-mixed-20K', 'threads-2x5K'].each { name ->
    assert log =~ /(?m)^\[INFO\] ${name} +\|.*\| PASS$/
}
assert log.contains('hakmem:budget: all 3 budget(s) within their limits')
assert log.contains('BUILD SUCCESS')
['budget-report.json', 'budget-report.html', 'TEST-hakmem-budgets.xml'].each {
    assert new File(reports, it).length() > 0 : "missing $it"
}
def json = new groovy.json.JsonSlurper().parse(new File(reports, 'budget-report.json'))
assert json.passed == true
assert json.repeat == 3
def scaling = json.budgets.find { it.name == 'scaling-20K' }
assert scaling.liveBytes == 20000 * 16
assert scaling.runs.size() == 3
assert scaling.retainedBytes <= 4194304
def threads = json.budgets.find { it.name == 'threads-2x5K' }
assert threads.liveBytes == 2 * 5000 * 64
assert new File(reports, 'budget-report.html').text.contains('<svg')
def xml = new groovy.xml.XmlSlurper().parse(new File(reports, 'TEST-hakmem-budgets.xml'))
assert xml.testcase.size() == 3
assert xml.@failures.text() == '0'
