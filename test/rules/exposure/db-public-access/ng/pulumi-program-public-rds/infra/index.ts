import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const config = new pulumi.Config();
const dbPassword = config.requireSecret("dbPassword");

const subnets = new aws.rds.SubnetGroup("orders-subnets", {
    subnetIds: [publicSubnetA.id, publicSubnetB.id],
});

export const ordersDb = new aws.rds.Instance("orders-db", {
    engine: "postgres",
    instanceClass: "db.t3.micro",
    allocatedStorage: 20,
    username: "orders",
    password: dbPassword,
    dbSubnetGroupName: subnets.name,
    publiclyAccessible: true,
    skipFinalSnapshot: true,
});
