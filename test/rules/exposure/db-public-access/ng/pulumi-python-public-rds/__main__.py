import pulumi
import pulumi_aws as aws

config = pulumi.Config()

members_db = aws.rds.Instance(
    "members-db",
    engine="mysql",
    instance_class="db.t3.micro",
    allocated_storage=20,
    username="members",
    password=config.require_secret("db_password"),
    publicly_accessible=True,
    skip_final_snapshot=True,
)
