module stratos-ts/iavl-golden/scenario

go 1.22
