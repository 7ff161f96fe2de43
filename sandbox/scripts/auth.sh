# Access control of a SANDBOX_AUTH=on sandbox (sourced by env.sh). Lab accounts, on loopback only:
#   rocketmq / lab-admin-pw-1      the administrator: 5.x Super user (initAuthenticationUser, also the brokers' own
#                                  inner credentials); 4.x admin account. mqadmin signs with it (conf/tools.yml).
#   lab_reader / lab-reader-pw-1   reads only: 5.x policy Allow Get,List,Sub on everything; 4.x SUB by default.
#   lab_app / lab-app-pw-1         the demo clients: 5.x Allow Pub,Sub on Topic:* and Sub on Group:*; 4.x PUB|SUB.
AUTH_ADMIN_USER=rocketmq;   AUTH_ADMIN_PASSWORD=lab-admin-pw-1
AUTH_READER_USER=lab_reader; AUTH_READER_PASSWORD=lab-reader-pw-1
AUTH_APP_USER=lab_app;      AUTH_APP_PASSWORD=lab-app-pw-1
# the demo programs (sandbox/java) sign with the application's account when these are set
export RMQ_ACCESS_KEY="${RMQ_ACCESS_KEY:-$AUTH_APP_USER}" RMQ_SECRET_KEY="${RMQ_SECRET_KEY:-$AUTH_APP_PASSWORD}"

# rocketmq.home.dir of this sandbox: the version's conf files, plus tools.yml (and plain_acl.yml on 4.x)
auth_home() {
  mkdir -p "$RMQ_CONF_HOME/conf"
  for f in "$RMQ_HOME"/conf/*; do [ -e "$f" ] && ln -sf "$f" "$RMQ_CONF_HOME/conf/"; done
  printf 'accessKey: %s\nsecretKey: %s\n' "$AUTH_ADMIN_USER" "$AUTH_ADMIN_PASSWORD" > "$RMQ_CONF_HOME/conf/tools.yml"
  if [ "$RMQ_MAJOR" = 4 ]; then
    cat > "$RMQ_CONF_HOME/conf/plain_acl.yml" <<YML
globalWhiteRemoteAddresses: []
accounts:
- accessKey: $AUTH_ADMIN_USER
  secretKey: $AUTH_ADMIN_PASSWORD
  admin: true
  defaultTopicPerm: PUB|SUB
  defaultGroupPerm: PUB|SUB
- accessKey: $AUTH_READER_USER
  secretKey: $AUTH_READER_PASSWORD
  admin: false
  defaultTopicPerm: SUB
  defaultGroupPerm: SUB
- accessKey: $AUTH_APP_USER
  secretKey: $AUTH_APP_PASSWORD
  admin: false
  defaultTopicPerm: PUB|SUB
  defaultGroupPerm: PUB|SUB
YML
  fi
}

# broker.conf lines that switch access control on
auth_broker_conf() {
  if [ "$RMQ_MAJOR" = 4 ]; then
    echo "aclEnable=true"
  else
    cat <<CONF
authenticationEnabled=true
authorizationEnabled=true
authenticationMetadataProvider=org.apache.rocketmq.auth.authentication.provider.LocalAuthenticationMetadataProvider
authorizationMetadataProvider=org.apache.rocketmq.auth.authorization.provider.LocalAuthorizationMetadataProvider
initAuthenticationUser={"username":"$AUTH_ADMIN_USER","password":"$AUTH_ADMIN_PASSWORD"}
innerClientAuthenticationCredentials={"accessKey":"$AUTH_ADMIN_USER","secretKey":"$AUTH_ADMIN_PASSWORD"}
CONF
  fi
}
# the sandbox's TypeScript helpers (wait-*.ts, sandbox/scripts/pool.ts) sign as the administrator
export SANDBOX_ADMIN_ACCESS_KEY="$AUTH_ADMIN_USER" SANDBOX_ADMIN_SECRET_KEY="$AUTH_ADMIN_PASSWORD"
