import '../startup.ts'
import { run } from './bench-merge.ts'

void run()
