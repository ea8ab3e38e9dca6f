def log = new File(basedir, 'build.log').text

assert log.contains('no <budgets> configured, running the default set')
['scaling-100K', 'scaling-500K', 'scaling-1M'].each { name ->
    assert log.contains("budget '${name}' run 3 of 3")
    assert log =~ /(?m)^\[INFO\] ${name} +\| scaling +\|.*\| +50 % \|.*\| +2\.0 MiB \|.*\| PASS$/
}
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/hakmem/budget-report.json'))
def big = json.budgets.find { it.name == 'scaling-1M' }
assert big.liveBytes == 1000000 * 16
// The arena's figure agrees with the OS: the fork's RSS delta gives an overhead within 5 points.
assert Math.abs(big.overheadPercent - big.rssOverheadPercent) <= 5.0 :
        "arena ${big.overheadPercent} % vs RSS ${big.rssOverheadPercent} %"
println "scaling-1M: overhead ${big.overheadPercent} %, from RSS delta ${big.rssOverheadPercent} %"
