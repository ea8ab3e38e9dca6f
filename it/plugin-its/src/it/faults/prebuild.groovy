// The last run's reports, all green: the run below must replace them, not leave them for CI.
def reports = new File(basedir, 'target/hakmem')
reports.mkdirs()
new File(reports, 'TEST-hakmem-budgets.xml').text = '''<?xml version="1.0" encoding="UTF-8"?>
<testsuite name="hakmem.budgets" tests="1" failures="0" errors="0" skipped="0" time="0.1">
  <testcase classname="hakmem.budgets" name="stale-green" time="0.1"/>
</testsuite>
'''
new File(reports, 'budget-report.json').text = '{"passed": true, "budgets": [{"name": "stale-green"}]}\n'
return true
