def log = new File(basedir, 'build.log').text
def reports = new File(basedir, 'target/hakmem')

assert log =~ /(?m)^\[INFO\] small-17 +\|.*\| +1 % \|.*\| FAIL$/
assert log.contains('1 memory budget violation(s):')
def line = (log =~ /budget 'small-17': overhead (\d+(?:\.\d)?) % > maxOverheadPercent 1 %/)
assert line.find() : 'no violation line in build.log'
assert Double.parseDouble(line.group(1)) > 1
assert log.contains('BUILD FAILURE')
def json = new groovy.json.JsonSlurper().parse(new File(reports, 'budget-report.json'))
assert json.passed == false
assert json.budgets[0].violations == [line.group(0)]
def html = new groovy.xml.XmlSlurper(false, false, true).parse(new File(reports, 'budget-report.html'))
assert html.'**'.find { it.name() == 'ul' && it.@id == 'violations' }.li*.text() == [line.group(0)]
def xml = new groovy.xml.XmlSlurper().parse(new File(reports, 'TEST-hakmem-budgets.xml'))
assert xml.@failures.text() == '1'
assert xml.testcase[0].failure.size() == 1
assert xml.testcase[0].failure[0].@message.text() == line.group(0)
