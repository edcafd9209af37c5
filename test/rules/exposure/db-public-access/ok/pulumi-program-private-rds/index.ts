import * as aws from "@pulumi/aws";

// The broker may have a public console; the database stays private.
const broker = new aws.mq.Broker("events", {
    engineType: "RabbitMQ",
    hostInstanceType: "mq.t3.micro",
    publiclyAccessible: true,
    users: [{ username: "events", password: brokerPassword }],
});

const reportsDb = new aws.rds.Instance("reports-db", {
    engine: "postgres",
    instanceClass: "db.t3.micro",
    allocatedStorage: 20,
    username: "reports",
    password: dbPassword,
    // publiclyAccessible: true,  (only while debugging from a laptop)
    publiclyAccessible: false,
});
