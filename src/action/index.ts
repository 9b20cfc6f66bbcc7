import '../startup.ts'
import { run } from './push.ts'

void run()
