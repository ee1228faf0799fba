#!/usr/bin/env bash
# A real multi-node Docker Swarm on this Linux machine, for trying and testing swarmtui.
# Each node is its own dockerd in its own network, UTS and mount namespace, joined
# through a host bridge. Needs root, dockerd/containerd/runc (Debian's docker.io),
# busybox-static, iproute2, util-linux. `down` stops only what `up` started.
set -euo pipefail

LAB_DIR=${SWARMTUI_LAB_DIR:-/var/lib/swarmtui-lab}
RUN_DIR=${SWARMTUI_LAB_RUN:-/run/stlab}
BRIDGE=stlbr0
NET_PREFIX=192.168.213
IMAGE=swarmtui-lab/busybox
DOCKER=${DOCKER_BIN:-$(command -v /usr/bin/docker || command -v docker)}

usage() {
  cat <<USAGE
usage: lab.sh up [--nodes N] [--managers M]   start an N-node swarm (default 3 nodes, 1 manager)
       lab.sh seed                            create the demo services (idempotent)
       lab.sh down                            stop every lab node and remove the lab network
       lab.sh stop-node N / start-node N      stop or start one node's dockerd (fault tests)
       lab.sh status                          show the lab's nodes and services
       lab.sh env                             print DOCKER_HOST for the lab's first manager
       lab.sh remote                          every node over ssh (port 22), node1 over mutual TLS (port 2376)
       lab.sh install                         install the engine packages and tmux (Debian, root)
USAGE
}

say() { printf 'lab: %s\n' "$*" >&2; }
die() { printf 'lab: %s\n' "$*" >&2; exit 1; }

sock() { echo "$RUN_DIR/node$1.sock"; }
dk() { local n=$1; shift; "$DOCKER" -H "unix://$(sock "$n")" "$@"; }
node_ip() { echo "$NET_PREFIX.$((10 + $1))"; }
node_count() { ls "$LAB_DIR" 2>/dev/null | grep -c '^node[0-9]*$' || true; }

need_root() { [ "$(id -u)" = 0 ] || die "needs root (network namespaces and dockerd)"; }

install_engine() {
  need_root
  local missing=()
  command -v dockerd >/dev/null || missing+=(docker.io)
  [ -x /bin/busybox ] && /bin/busybox --list 2>/dev/null | grep -x httpd >/dev/null || missing+=(busybox-static)
  command -v ip >/dev/null || missing+=(iproute2)
  command -v iptables >/dev/null || missing+=(iptables)
  command -v nsenter >/dev/null || missing+=(util-linux)
  command -v tmux >/dev/null || missing+=(tmux)   # the end-to-end tests drive swarmtui in tmux
  [ -x /usr/sbin/sshd ] || missing+=(openssh-server)   # node1 reached over ssh://
  command -v ssh >/dev/null || missing+=(openssh-client)
  command -v socat >/dev/null || missing+=(socat)     # node1 reached over tcp:// with mutual TLS
  command -v openssl >/dev/null || missing+=(openssl)
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "missing ${missing[*]}: install them (Debian/Ubuntu packages) and retry"
  say "installing ${missing[*]}"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
  DOCKER=$(command -v /usr/bin/docker || command -v docker)
}

setup_bridge() {
  if ! ip link show "$BRIDGE" >/dev/null 2>&1; then
    ip link add "$BRIDGE" type bridge
    ip addr add "$NET_PREFIX.1/24" dev "$BRIDGE"
  fi
  ip link set "$BRIDGE" up
  # A dockerd with iptables on sets FORWARD to DROP; let the lab bridge through.
  iptables -C FORWARD -i "$BRIDGE" -j ACCEPT 2>/dev/null || iptables -I FORWARD -i "$BRIDGE" -j ACCEPT
  iptables -C FORWARD -o "$BRIDGE" -j ACCEPT 2>/dev/null || iptables -I FORWARD -o "$BRIDGE" -j ACCEPT
}

node_running() {
  local pidfile="$RUN_DIR/node$1/docker.pid"
  [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null
}

start_node() {
  local n=$1 ns="stl-node$1" ip; ip=$(node_ip "$1")
  local dir="$LAB_DIR/node$n" run="$RUN_DIR/node$n"
  mkdir -p "$dir/data" "$run" "$run/containerd"
  node_running "$n" && return 0
  if [ ! -e "/var/run/netns/$ns" ]; then
    ip netns add "$ns"
  fi
  if ! ip link show "stlv$n" >/dev/null 2>&1; then
    ip link add "stlv$n" type veth peer name "stlp$n"
    ip link set "stlp$n" netns "$ns"
    ip link set "stlv$n" master "$BRIDGE" up
  fi
  nsenter --net="/var/run/netns/$ns" sh -c "
    ip link set lo up
    ip link set stlp$n name eth0 2>/dev/null || true
    ip addr replace $ip/24 dev eth0
    ip link set eth0 up
    ip route replace default via $NET_PREFIX.1"
  # Registry look-ups must fail at once (no DNS) instead of timing out.
  echo "nameserver 127.0.0.1" > "$dir/resolv.conf"
  echo "node$n" > "$dir/hostname"
  # setsid: the node outlives the shell that started it (and its hangup).
  setsid nsenter --net="/var/run/netns/$ns" unshare --uts --mount --propagation private sh -c "
    hostname node$n
    mount --bind $dir/resolv.conf /etc/resolv.conf
    mount --bind $dir/hostname /etc/hostname
    mkdir -p /run/containerd && mount -t tmpfs tmpfs /run/containerd
    exec dockerd --data-root $dir/data --exec-root $run/exec --pidfile $run/docker.pid \
      -H unix://$(sock "$n") --iptables=false --ip-masq=false --bridge none \
      --containerd-namespace stlab$n --containerd-plugins-namespace stlab${n}p
  " >"$dir/dockerd.log" 2>&1 </dev/null &
  for _ in $(seq 1 100); do
    dk "$n" version >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  tail -n 20 "$dir/dockerd.log" >&2
  die "node$n's dockerd did not start (log: $dir/dockerd.log)"
}

build_image() {
  # A busybox image made locally: no registry is reachable.
  local out="$LAB_DIR/image.tar"
  [ -f "$out" ] && return 0
  local tmp; tmp=$(mktemp -d)
  mkdir -p "$tmp/root/bin" "$tmp/root/tmp" "$tmp/root/www" "$tmp/root/etc"
  cp /bin/busybox "$tmp/root/bin/busybox"
  for a in $(/bin/busybox --list); do [ "$a" = busybox ] || ln -sf busybox "$tmp/root/bin/$a"; done
  echo "root:x:0:0:root:/:/bin/sh" > "$tmp/root/etc/passwd"
  echo "hello from swarmtui lab" > "$tmp/root/www/index.html"
  tar -C "$tmp/root" -c . | dk 1 import -c 'CMD ["/bin/sh"]' - "$IMAGE:1" >/dev/null
  tar -C "$tmp/root" -c . | dk 1 import -c 'CMD ["/bin/sh"]' -c 'ENV LAB_VERSION=2' - "$IMAGE:2" >/dev/null
  dk 1 save -o "$out" "$IMAGE:1" "$IMAGE:2"
  rm -rf "$tmp"
}

load_image() {
  dk "$1" image inspect "$IMAGE:2" >/dev/null 2>&1 || dk "$1" load -q -i "$LAB_DIR/image.tar" >/dev/null
}

cmd_up() {
  local nodes=3 managers=1
  while [ $# -gt 0 ]; do
    case $1 in
      --nodes) nodes=$2; shift 2;;
      --managers) managers=$2; shift 2;;
      *) usage; exit 2;;
    esac
  done
  [[ $nodes =~ ^[0-9]+$ && $nodes -ge 1 && $nodes -le 9 ]] || die "--nodes must be 1..9"
  [[ $managers =~ ^[0-9]+$ && $managers -ge 1 && $managers -le $nodes ]] || die "--managers must be 1..nodes"
  need_root
  install_engine
  mkdir -p "$LAB_DIR" "$RUN_DIR"
  setup_bridge
  local n
  for n in $(seq 1 "$nodes"); do start_node "$n"; done
  build_image
  for n in $(seq 1 "$nodes"); do load_image "$n"; done
  if [ "$(dk 1 info -f '{{.Swarm.LocalNodeState}}')" != active ]; then
    dk 1 swarm init --advertise-addr "$(node_ip 1)" --listen-addr "$(node_ip 1):2377" >/dev/null
  fi
  local mtok wtok
  mtok=$(dk 1 swarm join-token -q manager); wtok=$(dk 1 swarm join-token -q worker)
  for n in $(seq 2 "$nodes"); do
    [ "$(dk "$n" info -f '{{.Swarm.LocalNodeState}}')" = active ] && continue
    local tok=$wtok; [ "$n" -le "$managers" ] && tok=$mtok
    dk "$n" swarm join --token "$tok" --advertise-addr "$(node_ip "$n")" --listen-addr "$(node_ip "$n"):2377" "$(node_ip 1):2377" >/dev/null
  done
  # Wait until every node is ready.
  for _ in $(seq 1 100); do
    [ "$(dk 1 node ls -q --filter role=manager | wc -l)" -ge 1 ] &&
      [ "$(dk 1 node ls --format '{{.Status}}' | grep -c Ready)" -ge "$nodes" ] && break
    sleep 0.2
  done
  say "swarm up: $nodes nodes ($managers managers); DOCKER_HOST=unix://$(sock 1)"
}

# node1 as a remote manager: sshd on its address (every node has one; keys made here; root's password is
# never accepted, so a client without the key meets a password prompt it cannot pass;
# MaxSessions left at OpenSSH's default of 10, as operators' managers have it)
# and the engine behind mutual TLS (a CA made here signs the server's and a client's
# certificate). Files under $LAB_DIR/ssh and $LAB_DIR/tls; `lab.sh env` prints them.
cmd_remote() {
  need_root
  local ip; ip=$(node_ip 1)
  local ssh="$LAB_DIR/ssh" tls="$LAB_DIR/tls" ns=/var/run/netns/stl-node1
  [ -e "$ns" ] || die "lab is not up (run: lab.sh up)"
  mkdir -p "$ssh" "$tls" /run/sshd
  chmod 700 "$ssh" "$tls"
  [ -f "$ssh/host_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -f "$ssh/host_ed25519"
  [ -f "$ssh/id_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -f "$ssh/id_ed25519"
  cp "$ssh/id_ed25519.pub" "$ssh/authorized_keys"
  # One sshd per node, in its network namespace, on its address, running `docker` against
  # that node's engine (a shell into a task on any node goes through it: source/docker/nodes.ts).
  local n nodes_up=()
  for n in $(seq 1 9); do [ -e "/var/run/netns/stl-node$n" ] && nodes_up+=("$n"); done
  for n in "${nodes_up[@]}"; do
    local pidfile="$RUN_DIR/sshd.pid"; [ "$n" = 1 ] || pidfile="$RUN_DIR/sshd-$n.pid"
    cat > "$ssh/sshd_config-$n" <<CONF
ListenAddress $(node_ip "$n")
Port 22
HostKey $ssh/host_ed25519
AuthorizedKeysFile $ssh/authorized_keys
PermitRootLogin yes
PasswordAuthentication yes
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
PidFile $pidfile
SetEnv DOCKER_HOST=unix://$(sock "$n")
MaxStartups 100
CONF
  done
  cp "$ssh/sshd_config-1" "$ssh/sshd_config"
  # Clients: with the key, and without any (no agent, no key: a password prompt).
  printf 'Host *\n  User root\n  IdentityFile %s\n  IdentitiesOnly yes\n  UserKnownHostsFile %s\n  StrictHostKeyChecking accept-new\n' \
    "$ssh/id_ed25519" "$ssh/known_hosts" > "$ssh/config"
  printf 'Host *\n  User root\n  IdentityFile %s\n  IdentitiesOnly yes\n  PubkeyAuthentication no\n  NumberOfPasswordPrompts 1\n  UserKnownHostsFile %s\n  StrictHostKeyChecking accept-new\n' \
    "$ssh/none" "$ssh/known_hosts" > "$ssh/config-nokey"
  printf '#!/bin/sh\nexec ssh -F %s "$@"\n' "$ssh/config" > "$ssh/ssh"
  printf '#!/bin/sh\nexec ssh -F %s "$@"\n' "$ssh/config-nokey" > "$ssh/ssh-nokey"
  chmod 755 "$ssh/ssh" "$ssh/ssh-nokey"
  for n in "${nodes_up[@]}"; do
    local pidfile="$RUN_DIR/sshd.pid" log="$ssh/sshd.log"; [ "$n" = 1 ] || { pidfile="$RUN_DIR/sshd-$n.pid"; log="$ssh/sshd-$n.log"; }
    if ! { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }; then
      nsenter --net="/var/run/netns/stl-node$n" /usr/sbin/sshd -f "$ssh/sshd_config-$n" -E "$log"
    fi
  done
  if [ ! -f "$tls/key.pem" ]; then
    local t; t=$(mktemp -d)
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj /CN=swarmtui-lab-ca -keyout "$tls/ca-key.pem" -out "$tls/ca.pem" 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj /CN=node1 -keyout "$tls/server-key.pem" -out "$t/server.csr" 2>/dev/null
    printf 'subjectAltName=DNS:node1,IP:%s\nextendedKeyUsage=serverAuth\n' "$ip" > "$t/server.ext"
    openssl x509 -req -in "$t/server.csr" -CA "$tls/ca.pem" -CAkey "$tls/ca-key.pem" -CAcreateserial -days 3650 -extfile "$t/server.ext" -out "$tls/server.pem" 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj /CN=swarmtui-client -keyout "$tls/key.pem" -out "$t/client.csr" 2>/dev/null
    printf 'extendedKeyUsage=clientAuth\n' > "$t/client.ext"
    openssl x509 -req -in "$t/client.csr" -CA "$tls/ca.pem" -CAkey "$tls/ca-key.pem" -CAcreateserial -days 3650 -extfile "$t/client.ext" -out "$tls/cert.pem" 2>/dev/null
    # A second CA that signed nothing here: a client trusting it must refuse the server.
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj /CN=other-ca -keyout "$t/other-key.pem" -out "$tls/other-ca.pem" 2>/dev/null
    rm -rf "$t"
  fi
  if ! { [ -f "$RUN_DIR/socat.pid" ] && kill -0 "$(cat "$RUN_DIR/socat.pid")" 2>/dev/null; }; then
    setsid nsenter --net="$ns" socat \
      "OPENSSL-LISTEN:2376,bind=$ip,reuseaddr,fork,cert=$tls/server.pem,key=$tls/server-key.pem,cafile=$tls/ca.pem,verify=1" \
      "UNIX-CONNECT:$(sock 1)" >"$tls/socat.log" 2>&1 </dev/null &
    echo $! > "$RUN_DIR/socat.pid"
  fi
  for _ in $(seq 1 50); do
    nsenter --net="$ns" sh -c "exec 3<>/dev/tcp/$ip/22 && exec 4<>/dev/tcp/$ip/2376" 2>/dev/null && break
    sleep 0.1
  done
  say "node1 over ssh: SWARMTUI_SSH=$ssh/ssh swarmtui -H ssh://root@$ip; over TLS: swarmtui -H tcp://$ip:2376 --tlsverify --tlscacert $tls/ca.pem --tlscert $tls/cert.pem --tlskey $tls/key.pem"
}

svc_exists() { dk 1 service inspect "$1" >/dev/null 2>&1; }

cmd_seed() {
  [ -S "$(sock 1)" ] || die "lab is not up (run: lab.sh up)"
  # PID 1 ignores SIGTERM in these busybox tasks: a short grace period keeps updates quick.
  local common=(--no-resolve-image --detach --quiet --stop-grace-period 2s)
  local stack=(--label com.docker.stack.namespace=shop --container-label com.docker.stack.namespace=shop)
  svc_exists shop_web || dk 1 service create "${common[@]}" "${stack[@]}" --name shop_web --replicas 3 \
    --publish published=8080,target=80 "$IMAGE:1" httpd -f -p 80 -h /www >/dev/null
  svc_exists shop_api || dk 1 service create "${common[@]}" "${stack[@]}" --name shop_api --replicas 2 \
    "$IMAGE:1" sh -c 'i=0; while true; do i=$((i+1)); echo "api request $i on $(hostname)"; sleep 1; done' >/dev/null
  svc_exists monitor || dk 1 service create "${common[@]}" --name monitor --mode global \
    "$IMAGE:1" sh -c 'while true; do echo "monitor tick"; sleep 5; done' >/dev/null
  svc_exists crashy || dk 1 service create "${common[@]}" --name crashy --replicas 1 \
    --restart-condition any --restart-delay 3s \
    "$IMAGE:1" sh -c 'echo "starting"; sleep 2; echo "fatal: cannot connect" >&2; exit 1' >/dev/null
  say "seeded: shop_web (3), shop_api (2) in stack shop; monitor (global); crashy (crash-loops)"
}

cmd_down() {
  local n dir
  for f in "$RUN_DIR"/sshd*.pid "$RUN_DIR/socat.pid"; do
    [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null || true
  done
  for dir in "$RUN_DIR"/node*/; do
    [ -d "$dir" ] || continue
    n=${dir%/}; n=${n##*node}
    if [ -f "$dir/docker.pid" ]; then
      local pid; pid=$(cat "$dir/docker.pid")
      if kill -0 "$pid" 2>/dev/null; then
        kill "$pid"
        for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
      fi
    fi
  done
  # Shims and containers of the lab's containerds, if any are left behind.
  for n in $(seq 1 9); do
    pkill -f "containerd.*-namespace stlab$n( |$)" 2>/dev/null || true
    ip netns del "stl-node$n" 2>/dev/null || true
    ip link del "stlv$n" 2>/dev/null || true
  done
  ip link del "$BRIDGE" 2>/dev/null || true
  iptables -D FORWARD -i "$BRIDGE" -j ACCEPT 2>/dev/null || true
  iptables -D FORWARD -o "$BRIDGE" -j ACCEPT 2>/dev/null || true
  # Unmount anything dockerd left mounted under the lab, then forget the swarm.
  { grep -o " $LAB_DIR[^ ]*\| $RUN_DIR[^ ]*" /proc/mounts || true; } | sort -r | while read -r m; do umount -l "$m" 2>/dev/null || true; done
  rm -rf "$RUN_DIR"
  find "$LAB_DIR" -mindepth 1 -maxdepth 1 -name 'node*' -exec rm -rf {} + 2>/dev/null || true
  say "lab down"
}

cmd_stop_node() {
  local n=$1 pidfile="$RUN_DIR/node$1/docker.pid"
  [ -f "$pidfile" ] || die "node$n is not running"
  local pid; pid=$(cat "$pidfile")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  say "node$n stopped"
}

cmd_start_node() {
  [[ ${1:-} =~ ^[1-9]$ ]] || die "start-node takes a node number"
  start_node "$1"
  say "node$1 started"
}

cmd_status() {
  [ -S "$(sock 1)" ] || { say "lab is not up"; return 1; }
  dk 1 node ls
  dk 1 service ls
}

case ${1:-} in
  up) shift; cmd_up "$@";;
  seed) cmd_seed;;
  down) need_root; cmd_down;;
  status) cmd_status;;
  stop-node) need_root; cmd_stop_node "${2:?node number}";;
  start-node) need_root; cmd_start_node "${2:?node number}";;
  env) echo "DOCKER_HOST=unix://$(sock 1)";;
  install) install_engine;;
  remote) cmd_remote;;
  *) usage; exit 2;;
esac
