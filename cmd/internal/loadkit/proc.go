package loadkit

import (
	"os/exec"
	"sync"
	"syscall"
	"time"
)

// Proc is a long-lived child process: the sidecar, or the soak's private mariadbd.
type Proc struct {
	Cmd  *exec.Cmd
	Done chan struct{} // closed when it has exited
	Err  error         // its exit, once Done is closed

	stopOnce sync.Once
	Stopped  time.Duration // how long it took to exit when asked
	Killed   bool          // it did not exit within the grace and was killed
}

// StartProc starts cmd in its own process group, to be stopped by its parent only.
func StartProc(cmd *exec.Cmd) (*Proc, error) {
	cmd.SysProcAttr = ChildAttrs()
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	p := &Proc{Cmd: cmd, Done: make(chan struct{})}
	go func() {
		p.Err = cmd.Wait()
		close(p.Done)
	}()
	return p, nil
}

// Pid is the process id.
func (p *Proc) Pid() int { return p.Cmd.Process.Pid }

// Alive tells whether it has not exited yet.
func (p *Proc) Alive() bool {
	select {
	case <-p.Done:
		return false
	default:
		return true
	}
}

// Stop sends SIGTERM and waits up to grace for the exit, then kills. Only the first
// call acts; later ones wait for the same exit.
func (p *Proc) Stop(grace time.Duration) {
	p.stopOnce.Do(func() {
		start := time.Now()
		p.Cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-p.Done:
		case <-time.After(grace):
			p.Killed = true
			p.Cmd.Process.Kill()
			<-p.Done
		}
		p.Stopped = time.Since(start)
	})
	<-p.Done
}
