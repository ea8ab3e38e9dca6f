def log = new File(basedir, 'build.log').text
def reports = new File(basedir, 'target/hakmem')
def slurper = new groovy.json.JsonSlurper()

// 1. mvn test-compile hakmem:baseline writes hakmem-baseline.json.
def baselineFile = new File(basedir, 'hakmem-baseline.json')
assert log.contains("hakmem:baseline: wrote 2 budget(s) to ${baselineFile}")
def baseline = slurper.parse(baselineFile)
def small = baseline.budgets.'small-17'
assert small.workload == 'com.example.SeventeenByteBlocks'
assert small.parameters == [blocks: '100000']
assert small.residentBytes >= 100000 * 17
assert small.retainedBytes != null && small.mappedBytes != null && small.overheadPercent != null
assert baseline.budgets.'scaling-10K'.residentBytes > 0
println "baseline: small-17 resident ${small.residentBytes} B, retained ${small.retainedBytes} B"

// 2. mvn test-compile hakmem:budget passes against that baseline; 2MiB is accepted as a limit.
assert log.contains("hakmem:budget: comparing with the baseline ${baselineFile}")
assert log =~ /(?m)^\[INFO\] hakmem:budget: all 2 budget\(s\) within their limits/
assert log =~ /(?m)^\[INFO\] small-17 +\|.*\| +2\.0 MiB \|.*\| +\+?-?\d+\.\d % \/ [^|]+\| PASS$/

// 3. The workload parameter raised by 50 %: the baseline violation line fails the build.
def regression = (log =~ /budget 'small-17': resident (\d+\.\d) MiB is (\d+\.\d) % above the baseline (\d+\.\d) MiB > maxRegressionPercent 10 %/)
assert regression.find() : 'no baseline violation line in build.log'
double growth = Double.parseDouble(regression.group(2))
assert growth > 30 && growth < 70 : "resident grew ${growth} % for 50 % more blocks"
println "150000 blocks: ${regression.group(0)}"
assert log.contains('1 memory budget violation(s):')
assert log.contains("budget 'small-17': parameters {blocks=150000} differ from the baseline's {blocks=100000}")
assert log.count('BUILD FAILURE') == 1

// 4. -Dhakmem.budgets=small-* runs that budget alone.
assert log.contains('hakmem:budget: hakmem.budgets=small-* selects 1 of 2 budget(s): [small-17]')
assert log.count("budget 'small-17' run 1 of 1") == 4
assert log.count("budget 'scaling-10K' run 1 of 1") == 3
def json = slurper.parse(new File(reports, 'budget-report.json'))
assert json.budgets*.name == ['small-17']
assert json.passed == true
def figures = json.budgets[0].figures
assert figures.residentBytes.limit == 64 * 1024 * 1024
assert figures.retainedBytes.limit == 2 * 1024 * 1024
assert figures.residentBytes.baseline == small.residentBytes

// The HTML report shows every gated figure with its limit and its baseline.
def html = new groovy.xml.XmlSlurper(false, false, true).parse(new File(reports, 'budget-report.html'))
def section = html.'**'.find { it.name() == 'section' && it.@'data-budget' == 'small-17' }
assert section : 'no section for small-17'
def rows = section.'**'.findAll { it.name() == 'tr' && it.@'data-figure'.text() }
assert rows*.@'data-figure'*.text() == ['residentBytes', 'mappedBytes', 'rssDeltaBytes', 'overheadPercent', 'retainedBytes']
def cell = { row, cls -> row.td.find { it.@class.text() == cls }.text() }
assert cell(rows[0], 'limit') == '64.0 MiB'
assert cell(rows[1], 'limit') == '1.0 GiB'
assert cell(rows[2], 'limit') == '256.0 MiB'
assert cell(rows[3], 'limit') == '1000 %'
assert cell(rows[4], 'limit') == '2.0 MiB'
rows.each { row ->
    assert cell(row, 'baseline') ==~ /[\d.]+ (B|KiB|MiB|GiB|%)/ : "no baseline in ${row.@'data-figure'}"
    assert !(cell(row, 'min') ==~ /0(\.0)? (B|%)/) || cell(row, 'max') ==~ /0(\.0)? (B|%)/
}
def run = html.'**'.find { it.name() == 'dl' && it.@id == 'run' }.text()
assert run.contains('Java ') && run.contains('Host')

// 5. mvn site produces the budgets page.
def page = new File(basedir, 'target/site/hakmem-budgets.html')
assert page.isFile() : 'mvn site wrote no budgets page'
assert page.text.contains('small-17') && page.text.contains('maxRegressionPercent')
return true
