import '../startup.ts'
import { run } from './pull.ts'

void run()
